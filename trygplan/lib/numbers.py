"""Numbers written the Danish way, in ONE place: "1.234" and "1.234,5".

    format_number(1234)                 -> "1.234"
    format_number(12.5)                 -> "12,5"
    format_number(12.0)                 -> "12"      (a whole count has no ",0")
    format_number(Decimal("3.14159"), decimals=2) -> "3,14"
    format_number(Decimal("12.50"), decimals=2)   -> "12,5"    (trailing zeros dropped)
    format_number(Decimal("1.250"), decimals=None) -> "1,25" (as many decimals as it has)
    format_number(None)                 -> ""        (or `empty=` what the cell shows)

Rounding is half up (as people round), on the decimal value, not on a binary float.
Money is `trygplan.lib.money.format_kroner`, built on this.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["format_number"]


def _decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))  # 12.25 stays 12.25, not 12.2499999...
    return Decimal(value)


def _grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def format_number(value, decimals: int | None = 1, *, empty: str = "") -> str:
    """`value` (int, float, Decimal or a numeric string) with "." between thousands and ","
    before the decimals: rounded to `decimals` places (None: not rounded), trailing zeros
    dropped, so a value that is whole after rounding has no decimals at all."""
    if value is None or value == "":
        return empty
    try:
        number = _decimal(value)
    except (InvalidOperation, ValueError, TypeError) as error:
        raise ValueError(f"Not a number: {value!r}") from error
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if number == number.to_integral_value():
        sign = "-" if number < 0 else ""
        return sign + _grouped(abs(int(number)))
    number = number.normalize()
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    return f"{sign}{_grouped(int(whole))},{fraction}"
