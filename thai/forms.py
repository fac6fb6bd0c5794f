"""Form fields that speak Thai: dates typed and shown in the Buddhist era."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from thai.dates import parse_thai_date, short_be
from thai.money import AmountError, parse_amount


class ThaiDateInput(forms.TextInput):
    def __init__(self, attrs=None):
        base = {"placeholder": "วว/ดด/ปปปป (พ.ศ.)", "inputmode": "numeric", "class": "date-be"}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.date):
            return short_be(value)
        return super().format_value(value)


class ThaiDateField(forms.Field):
    """Accepts 15/7/2567 (BE) or Thai digits, and refuses a Christian-era year however written
    (31/10/2026, 2026-10-31); returns a datetime.date."""

    widget = ThaiDateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return parse_thai_date(value, iso=False)
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None


class AmountInput(forms.TextInput):
    """Shows a stored amount as the officer writes it: 800,000.00, not 800000.00."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "class": "amount", **(attrs or {})})

    def format_value(self, value):
        from decimal import Decimal

        if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
            return f"{Decimal(value):,.2f}"
        return super().format_value(value)


class ThaiAmountField(forms.Field):
    """An amount typed as on paper: 1,500,000 / ๑,๕๐๐ / 1500.50; blank → None; never negative."""

    widget = AmountInput

    def to_python(self, value):
        if value in self.empty_values or str(value).strip() == "":
            return None
        try:
            return parse_amount(value)
        except AmountError as exc:
            raise ValidationError(str(exc), code="invalid") from None


def labelled_errors(form, errors=None) -> str:
    """Errors as one Thai sentence naming each field by its label: a form's own errors, a dict of
    {field: [messages]}, or a ValidationError raised by a service."""
    if errors is None:
        errors = form.errors
    elif isinstance(errors, ValidationError):
        errors = errors.message_dict if hasattr(errors, "error_dict") else {None: errors.messages}
    parts = []
    for name, texts in errors.items():
        label = form.fields[name].label if name in form.fields else ""
        text = " ".join(texts)
        parts.append(f"{label}: {text}" if label else text)
    return "; ".join(parts)
