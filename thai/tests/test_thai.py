import datetime as dt
from decimal import Decimal

import pytest

from thai import dates, money
from thai.dates import parse_thai_date, short_be
from thai.digits import arabic_digits, thai_digits


def test_it_names_the_fiscal_year_by_its_ending_be_year():
    assert dates.fiscal_year(dt.date(2024, 9, 30)) == 2567
    assert dates.fiscal_year(dt.date(2024, 10, 1)) == 2568
    assert dates.fiscal_year_bounds(2568) == (dt.date(2024, 10, 1), dt.date(2025, 9, 30))


def test_it_counts_quarters_from_october():
    assert [dates.fiscal_quarter(dt.date(2025, m, 1)) for m in (10, 12, 1, 3, 4, 6, 7, 9)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]
    assert dates.fiscal_month_index(dt.date(2025, 10, 5)) == 1
    assert dates.fiscal_month_index(dt.date(2025, 9, 5)) == 12


def test_it_labels_the_month_grid_with_two_be_years():
    labels = dates.fiscal_month_labels(2568)
    assert labels[0] == ("ต.ค.", 2567)
    assert labels[2] == ("ธ.ค.", 2567)
    assert labels[3] == ("ม.ค.", 2568)
    assert labels[11] == ("ก.ย.", 2568)


def test_it_formats_buddhist_era_dates():
    assert dates.thai_date(dt.date(2026, 3, 15)) == "15 มีนาคม 2569"
    assert dates.thai_date(dt.date(2026, 3, 15), short=True) == "15 มี.ค. 69"
    assert dates.thai_date(None) == ""


def test_it_converts_digits_both_ways():
    assert thai_digits("พ.ศ. 2569 เงิน 1,500.00") == "พ.ศ. ๒๕๖๙ เงิน ๑,๕๐๐.๐๐"
    assert arabic_digits("๑,๒๓๔") == "1,234"


def test_it_formats_baht():
    assert money.baht(Decimal("1632820")) == "1,632,820.00"
    assert money.baht(1632820, decimals=0) == "1,632,820"
    assert money.baht(0, dash_zero=True) == "-"
    assert money.baht(1500, thai=True) == "๑,๕๐๐.๐๐"
    assert money.baht_words(1500.25) == "หนึ่งพันห้าร้อยบาทยี่สิบห้าสตางค์"


def test_whole_baht_in_templates_never_hides_satang():
    from thai.templatetags.thai import baht

    assert baht(Decimal("2500000"), "0") == "2,500,000"
    assert baht(Decimal("2500000.50"), "0") == "2,500,000.50"
    assert baht(Decimal("0"), "0-") == "-"
    assert baht(Decimal("0.50"), "0-") == "0.50"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1,632,820", Decimal("1632820.00")),
        ("10,500,000.00", Decimal("10500000.00")),
        ("-", Decimal(0)),
        ("", Decimal(0)),
        (None, Decimal(0)),
        ("๑,๐๐๐", Decimal("1000.00")),
        (12000.0, Decimal("12000.00")),
        (" 300,000 บาท ", Decimal("300000.00")),
    ],
)
def test_it_reads_budget_cells_the_way_plans_write_them(raw, expected):
    assert money.parse_amount(raw) == expected


@pytest.mark.parametrize("raw", ["ห้าแสน", "12a", "1.2.3", "-500", -1, True, "1e20"])
def test_it_refuses_what_is_not_an_amount(raw):
    with pytest.raises(money.AmountError):
        money.parse_amount(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/7/2567", dt.date(2024, 7, 15)),
        ("15-07-2567", dt.date(2024, 7, 15)),
        ("๑๕/๗/๒๕๖๗", dt.date(2024, 7, 15)),
        ("1/10/67", dt.date(2024, 10, 1)),
        ("2024-07-15", dt.date(2024, 7, 15)),
    ],
)
def test_parse_thai_date_reads_be_and_thai_digits(text, expected):
    assert parse_thai_date(text) == expected
    assert parse_thai_date(short_be(expected)) == expected


@pytest.mark.parametrize("text", ["31/2/2567", "15/7/2024", "พรุ่งนี้", "15/7", ""])
def test_parse_thai_date_refuses_with_a_thai_message(text):
    with pytest.raises(ValueError, match="วันที่"):
        parse_thai_date(text)


def test_thai_date_field_round_trips_through_the_widget():
    from thai.forms import ThaiDateField

    field = ThaiDateField()
    assert field.clean("๑/๑๐/๒๕๖๘") == dt.date(2025, 10, 1)
    assert 'value="1/10/2568"' in field.widget.render("d", dt.date(2025, 10, 1))


def test_percent_rounds_or_truncates_like_published_reports():
    from thai.numbers import percent

    # อบต.กระเบื้องใหญ่ FY2564 6-month report: 56/81 printed 69.13, 1/56 printed 1.78 (truncated)
    assert percent(56, 81, mode="truncate") == Decimal("69.13")
    assert percent(1, 56, mode="truncate") == Decimal("1.78")
    # …while 5/56 was printed 8.93 (rounded)
    assert percent(5, 56) == Decimal("8.93")
    assert percent(1, 56) == Decimal("1.79")
    assert percent(1, 3, decimals=0) == Decimal(33)
    assert percent(1, 0) is None


def test_options_mark_the_selected_choice_and_escape_every_label():
    from thai.templatetags.thai import options

    choices = [("in_progress", "อยู่ระหว่างดำเนินการ"), ("x<y", 'ป้าย "<b>"'), (3, "สาม")]
    html = options(choices, "x<y")
    assert html == (
        '<option value="in_progress">อยู่ระหว่างดำเนินการ</option>'
        '<option value="x&lt;y" selected>ป้าย &quot;&lt;b&gt;&quot;</option>'
        '<option value="3">สาม</option>'
    )
    assert options(choices, 3).count(" selected") == 1 and 'value="3" selected' in options(
        choices, 3
    )
    assert " selected" not in options(choices, None)


def test_a_position_that_is_no_number_is_not_in_thailand():
    from thai.geo import in_thailand

    assert in_thailand("13.75", "100.5")
    for lat, lng in (("NaN", "100.5"), ("13.75", "nan"), ("Infinity", "100"), ("ถนน", "100")):
        assert not in_thailand(lat, lng), (lat, lng)


def test_the_months_of_a_plan_read_as_runs_of_short_names():
    from thai.dates import fiscal_months_span

    flags = [m in {1, 2, 3, 6, 12} for m in range(1, 13)]
    assert fiscal_months_span(flags) == "ต.ค.–ธ.ค., มี.ค., ก.ย."
    assert fiscal_months_span([True] * 12) == "ต.ค.–ก.ย."
    assert fiscal_months_span([False] * 12) == ""


def test_a_typed_box_refuses_an_iso_christian_era_date_as_it_does_31_10_2026():
    from django.core.exceptions import ValidationError

    from thai.forms import ThaiDateField

    for typed in ("31/10/2026", "2026-10-31"):
        with pytest.raises(ValueError, match=r"ปี 2026 เป็นปี ค\.ศ\. ให้กรอกปี พ\.ศ\. \(2569\)"):
            parse_thai_date(typed, iso=False)
        with pytest.raises(ValidationError, match="ค.ศ."):
            ThaiDateField().clean(typed)
    assert parse_thai_date("2569-10-31", iso=False) == dt.date(2026, 10, 31)
    assert ThaiDateField().clean("31/10/2569") == dt.date(2026, 10, 31)
    assert parse_thai_date("2026-10-31") == dt.date(2026, 10, 31)  # a machine's ISO (links, files)
