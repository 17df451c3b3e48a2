"""Plan texts as typed in the seed: paragraphs split by blank lines, "- " bullets,
and footnote markers written [^key]."""

import re

from django.utils.html import escape
from django.utils.text import slugify

DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def transliterate(text: str) -> str:
    """Danish letters as ASCII the Danish way: "Hørgården" -> "Hoergaarden"."""
    return (text or "").translate(DANISH_LETTERS)


def ascii_slug(text: str, *, max_length: int = 80) -> str:
    """ "Lys i Hørgården" -> "lys-i-hoergaarden", as the seed's keys are written."""
    return slugify(transliterate(text))[:max_length].strip("-")


FOOTNOTE_REF = re.compile(r"\[\^([\w-]+)\]")


def footnote_keys(text: str) -> list[str]:
    return FOOTNOTE_REF.findall(text or "")


def paragraphs(text: str) -> list[dict]:
    """[{"kind": "p", "text": ...} | {"kind": "ul", "items": [...]}], for HTML and Word alike."""
    blocks: list[dict] = []
    for chunk in re.split(r"\n\s*\n", (text or "").strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append({"kind": "ul", "items": [line[2:] for line in lines]})
        else:
            current: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    if current:
                        blocks.append({"kind": "p", "text": " ".join(current)})
                        current = []
                    if blocks and blocks[-1]["kind"] == "ul":
                        blocks[-1]["items"].append(line[2:])
                    else:
                        blocks.append({"kind": "ul", "items": [line[2:]]})
                else:
                    current.append(line)
            if current:
                blocks.append({"kind": "p", "text": " ".join(current)})
    return blocks


def to_html(text: str, footnote_numbers: dict[str, int] | None = None) -> str:
    """Escaped HTML. Known footnote keys become numbered, linked superscripts."""
    numbers = footnote_numbers or {}

    def inline(value: str) -> str:
        def mark(match: re.Match) -> str:
            key = match.group(1)
            if key not in numbers:
                return ""
            return f'<sup><a href="#fn-{key}" id="fnref-{key}">{numbers[key]}</a></sup>'

        return FOOTNOTE_REF.sub(mark, escape(value))

    html = []
    for block in paragraphs(text):
        if block["kind"] == "p":
            html.append(f"<p>{inline(block['text'])}</p>")
        else:
            items = "".join(f"<li>{inline(item)}</li>" for item in block["items"])
            html.append(f"<ul>{items}</ul>")
    return "\n".join(html)


def word_diff(old: str, new: str) -> str:
    """The change from `old` to `new`, word by word, as HTML: removed words in <del>, added
    in <ins>, everything escaped. Empty when the texts are the same."""
    import difflib

    from django.utils.safestring import mark_safe

    if (old or "") == (new or ""):
        return ""
    before, after = re.split(r"(\s+)", old or ""), re.split(r"(\s+)", new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(before[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(after[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above
