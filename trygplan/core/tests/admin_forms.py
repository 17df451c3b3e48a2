"""Test helper: the data a browser would post from an admin change page, as it was rendered
(inlines and split date fields included), so a test changes one value and posts the rest."""

from html.parser import HTMLParser

TEXT_INPUTS = {"", "text", "hidden", "number", "email", "date", "time", "url", "password"}


class _FormReader(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self.select = None
        self.select_options: list[tuple[str, bool]] = []
        self.textarea = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "")
            if kind in TEXT_INPUTS:
                self._add(name, attrs.get("value", ""))
            elif kind in ("checkbox", "radio") and "checked" in attrs:
                self._add(name, attrs.get("value", "on"))
        elif tag == "select" and name:
            self.select, self.select_options = name, []
        elif tag == "option" and self.select:
            self.select_options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self.textarea = name
            self._add(name, "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            chosen = [value for value, selected in self.select_options if selected]
            for value in chosen or [""]:
                self._add(self.select, value)
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.inside and self.textarea:
            self.data[self.textarea][-1] += data


def admin_form_data(response, form_id: str) -> dict:
    """{name: value or [values]} of the form `form_id` (e.g. "result_form")."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    data = {}
    for name, values in reader.data.items():
        if name == "csrfmiddlewaretoken":
            continue
        data[name] = values if len(values) > 1 else values[0]
    data.pop("_addanother", None)
    data.pop("_continue", None)
    return data
