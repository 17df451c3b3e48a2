"""Danish kroner: read what people type, write it as the plan document does (1.500.000 kr.)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from trygplan.lib.numbers import format_number

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")
_DECIMALS = re.compile(r"^(?P<whole>\d{1,3}(\.\d{3})+|\d+),(?P<ore>\d{1,2})$")
# The largest amount anyone types: 999.999.999.999 kr. (a municipality's whole budget is
# smaller). It keeps sums far inside a 64-bit integer and stops a 4.300-digit "amount" from
# reaching int(), which refuses numbers that long with a ValueError.
MAX_KRONER = 999_999_999_999
_MAX_TEXT = 200  # characters; longer input is not an amount (and is not echoed back)


def parse_kroner(text: str) -> int:
    """Whole kroner from Danish input: "150000", "150.000", "150.000 kr.", "1500000,00".

    Raises ValidationError with a Danish message for anything else: negative amounts,
    øre, English decimal points, letters.
    """
    if len(text or "") > _MAX_TEXT:
        if set(text) <= set("0123456789. \u00a0"):
            raise too_large(MAX_KRONER)
        raise ValidationError(_("Skriv et beløb i hele kroner, fx 150.000."), code="invalid")
    cleaned = (text or "").strip().lower().replace("\u00a0", " ")
    cleaned = re.sub(r"\s*(kr\.?|dkk)$", "", cleaned).replace(" ", "")
    if not cleaned:
        raise ValidationError(_("Skriv et beløb i hele kroner, fx 150.000."), code="required")
    if cleaned.startswith("-") or cleaned.startswith("−"):
        raise ValidationError(_("Beløbet kan ikke være negativt."), code="negative")
    if _PLAIN.match(cleaned):
        return _capped(cleaned)
    if _GROUPED.match(cleaned):
        return _capped(cleaned.replace(".", ""))
    match = _DECIMALS.match(cleaned)
    if match:
        if int(match["ore"]) != 0:
            raise ValidationError(_("Beløb angives i hele kroner uden øre, fx 1.250."), code="ore")
        return _capped(match["whole"].replace(".", ""))
    if re.match(r"^\d+\.\d{1,2}$", cleaned):
        raise ValidationError(
            _("Brug ikke punktum som decimaltegn. Skriv beløbet i hele kroner, fx 1.250."),
            code="decimal_point",
        )
    raise ValidationError(
        _("“%(value)s” er ikke et beløb. Skriv et beløb i hele kroner, fx 150.000.")
        % {"value": text.strip()},
        code="invalid",
    )


def too_large(limit: int) -> ValidationError:
    """The Danish message for an amount above `limit` kroner."""
    return ValidationError(
        _("Beløbet er for stort. Det kan højst være %(max)s") % {"max": format_kroner(limit)},
        code="too_large",
    )


def _capped(digits: str) -> int:
    if len(digits.lstrip("0")) > len(str(MAX_KRONER)) or int(digits) > MAX_KRONER:
        raise too_large(MAX_KRONER)
    return int(digits)


def format_kroner(amount: int | None, *, unit: bool = True) -> str:
    """1500000 -> "1.500.000 kr."; None -> "-" (as the seed writes an empty cell).
    Whole kroner: a fraction (a share of a line) is rounded half up."""
    if amount is None:
        return "-"
    text = format_number(amount, decimals=0)
    return f"{text} kr." if unit else text
