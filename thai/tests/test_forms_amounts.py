"""Amounts in forms read as on paper, and dates typed wrongly are named precisely."""

from decimal import Decimal

import pytest
from django import forms

from thai.dates import parse_thai_date
from thai.forms import ThaiAmountField


class F(forms.Form):
    amount = ThaiAmountField()


def test_a_stored_amount_is_shown_with_commas():
    assert 'value="800,000.00"' in str(F(initial={"amount": Decimal("800000")})["amount"])
    assert 'value="1,234.5"' in str(F({"amount": "1,234.5"})["amount"])  # typed text stays


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("20/11/2026", "ปี 2026 เป็นปี ค.ศ. ให้กรอกปี พ.ศ. (2569)"),
        ("31/2/2569", "เดือนกุมภาพันธ์ 2569 มี 28 วัน"),
        ("1/13/2569", "ไม่มีเดือนที่ 13"),
        ("1/1/99999", "ปี พ.ศ. 99999 ไม่ถูกต้อง"),
    ],
)
def test_a_wrong_date_is_named_precisely(typed, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_thai_date(typed)
