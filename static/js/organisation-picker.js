// A search box above each long list of organisations (data-organisation-picker): typing
// filters the options by name; chosen ones stay visible. Without script the list is a plain
// multiple choice.
(function () {
  "use strict";
  document.querySelectorAll("select[data-organisation-picker]").forEach(function (select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "form-input organisation-search";
    box.id = select.id + "-search";
    box.setAttribute("aria-controls", select.id);
    box.setAttribute("autocomplete", "off");
    var label = document.createElement("label");
    label.className = "form-label";
    label.htmlFor = box.id;
    label.textContent = "Søg organisation";
    var status = document.createElement("p");
    status.className = "form-hint";
    status.setAttribute("aria-live", "polite");
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(status, select);
    box.addEventListener("input", function () {
      var needle = box.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(select.options, function (option) {
        var match = !needle || option.selected || option.text.toLowerCase().indexOf(needle) !== -1;
        option.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = needle ? shown + " organisationer passer" : "";
    });
  });
})();
