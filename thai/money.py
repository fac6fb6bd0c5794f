"""Baht amounts: formatting, words, and tolerant parsing of what people type in spreadsheets."""

import re
from decimal import Decimal, InvalidOperation

from pythainlp.util import bahttext

from thai.digits import arabic_digits, thai_digits

_DASHES = {"-", "–", "—", "−", "ー"}


def baht(
    amount: Decimal | int | float | None,
    *,
    decimals: int = 2,
    thai: bool = False,
    dash_zero: bool = False,
) -> str:
    """1234567.5 → '1,234,567.50'; None → ''; 0 → '-' when dash_zero."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    if dash_zero and amount == 0:
        return "-"
    text = f"{amount:,.{decimals}f}"
    return thai_digits(text) if thai else text


def baht_words(amount: Decimal | int | float) -> str:
    """1500.25 → 'หนึ่งพันห้าร้อยบาทยี่สิบห้าสตางค์'."""
    return bahttext(float(amount))


class AmountError(ValueError):
    """An amount cell that cannot be read; the message is Thai and user-facing."""


def parse_amount(raw: object) -> Decimal:
    """Read a budget cell: 1,632,820 / '10,500,000.00' / '-' / blank / '๑,๐๐๐' / 12000.0.

    Blank and dashes mean zero (that is how ผ.02 prints "no budget this year").
    Negative amounts and text are refused.
    """
    if raw is None:
        return Decimal(0)
    if isinstance(raw, bool):
        raise AmountError("ต้องเป็นตัวเลขจำนวนเงิน")
    if isinstance(raw, int | float | Decimal):
        value = Decimal(str(raw))
    else:
        text = arabic_digits(str(raw)).replace("\u00a0", " ").strip().removesuffix("บาท").strip()
        if text == "" or text in _DASHES:
            return Decimal(0)
        if re.search(r"\d\s+\d", text):  # "100 บาท 50" or "1 000": not an amount we can trust
            raise AmountError(f"“{raw}” ไม่ใช่จำนวนเงิน")
        text = text.replace(",", "").replace(" ", "")
        if not re.fullmatch(r"[+-]?\d+(\.\d+)?", text):
            raise AmountError(f"“{raw}” ไม่ใช่จำนวนเงิน")
        try:
            value = Decimal(text)
        except InvalidOperation as exc:  # pragma: no cover - regex above guards this
            raise AmountError(f"“{raw}” ไม่ใช่จำนวนเงิน") from exc
    if value.is_nan() or value.is_infinite():
        raise AmountError("ต้องเป็นตัวเลขจำนวนเงิน")
    if value < 0:
        raise AmountError("จำนวนเงินติดลบไม่ได้")
    if value >= Decimal("1e13"):
        raise AmountError("จำนวนเงินสูงเกินจริง (เกินหนึ่งหมื่นล้านบาท)")
    return value.quantize(Decimal("0.01"))
