"""How findings look on maps and in lists: a letter and a colour per status, so a map never
relies on colour alone, and a square "+" for good places (see `static/css/walks.css`)."""

# One letter per status, so the map does not rely on colour alone.
STATUS_LETTERS = {
    "new": "N",
    "assigned": "T",
    "planned": "P",
    "waiting_for_money": "Ø",
    "in_progress": "G",
    "fixed": "U",
    "not_possible": "X",
    "not_ours": "V",
    "duplicate": "D",
}
STATUS_COLOURS = {
    "new": "#c4001a",
    "assigned": "#e66f00",
    "planned": "#8a6d00",
    "waiting_for_money": "#7a2e9b",
    "in_progress": "#0059b3",
    "fixed": "#358000",
    "not_possible": "#5c5c5c",
    "not_ours": "#5c5c5c",
    "duplicate": "#5c5c5c",
}
# Good places are not problems to follow up: their own pin (a square "+", see walks.css).
GOOD_PLACE_LETTER = "+"
GOOD_PLACE_COLOUR = "#00607a"
