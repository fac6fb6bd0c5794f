"""The analyst's part 3 of the province summary is saved through the service: trimmed, one row a
year, an over-long text refused with the field's Thai name and nothing changed."""

import pytest
from django.core.exceptions import ValidationError

from province import services
from province.models import IMPACTS, ProvinceReport
from province.selectors import province_report

pytestmark = pytest.mark.django_db


def test_the_narrative_is_saved_once_a_year_and_an_overlong_one_changes_nothing(cast):
    province = cast.a.province
    fresh = province_report(province, 2568)
    assert fresh.pk is None and fresh.impacts == IMPACTS  # the default wording, unsaved
    services.province_report_save(province=province, fiscal_year=2568, impacts="  ก  ", risks="ข")
    services.province_report_save(province=province, fiscal_year=2568, impacts="ค", risks="ง")
    saved = province_report(province, 2568)
    assert (saved.impacts, saved.risks) == ("ค", "ง")
    assert ProvinceReport.objects.filter(province=province).count() == 1
    with pytest.raises(ValidationError, match="ผลกระทบที่จะเกิดขึ้นในอนาคต: ยาวเกิน 20,000"):
        services.province_report_save(
            province=province, fiscal_year=2568, impacts="x" * 20_001, risks="จ"
        )
    assert province_report(province, 2568).risks == "ง"
