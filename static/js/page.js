// What every page needs (a static file, not inline code: the Content-Security-Policy allows
// no inline scripts or event-handler attributes).
(function () {
  "use strict";
  // Copy the main-menu items (block nav) into the phone menu drawer, then start DKFDS.
  var desktop = document.querySelector(".navigation-menu .nav ul");
  var mobile = document.querySelector(".navigation-menu-mobile .mainmenu");
  if (desktop) {
    desktop.classList.add("mainmenu");
    if (mobile) {
      mobile.innerHTML = desktop.innerHTML;
    }
  }
  DKFDS.init();

  // <form data-confirm="Are you sure?">: ask before sending.
  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
