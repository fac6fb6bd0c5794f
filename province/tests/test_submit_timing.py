"""A period is sent only after it ends, after a look at the figures that will go."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.web import this_fy
from province import services
from province.models import Submission

pytestmark = pytest.mark.django_db


def test_a_quarter_cannot_be_sent_before_it_ends(client, cast, year_a, reference_lists):
    later = this_fy() + 1
    with pytest.raises(ValidationError, match="ยังไม่สิ้นสุด ส่งได้ตั้งแต่"):
        services.submit(org=cast.a, fiscal_year=later, period="q4", user=cast.alice)
    client.force_login(cast.alice)
    page = client.get(reverse("province:submissions_year", args=[cast.a.code, later])).content
    row = page.decode().split('id="p-q4"')[1].split("</tr>")[0]
    assert "ส่งได้ตั้งแต่" in row and "ตรวจและส่งข้อมูล" not in row
    answer = client.post(reverse("province:submit", args=[cast.a.code, later, "q4"]))
    assert answer.status_code == 302 and not Submission.objects.exists()
    preview = client.get(reverse("province:submit", args=[cast.a.code, later, "q4"])).content
    assert 'id="early"' in preview.decode() and 'id="confirm-submit"' not in preview.decode()


def test_the_figures_are_shown_before_sending_and_sent_on_confirm(
    client, cast, year_a, reference_lists
):
    from decimal import Decimal

    from monitoring import services as mon
    from monitoring.models import Status

    mon.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=3,
        data=mon.ProgressInput(status=Status.IN_PROGRESS, progress=10, disbursed=Decimal(1000)),
        expected_version=0,
    )
    client.force_login(cast.alice)
    url = reverse("province:submit", args=[cast.a.code, 2568, "q1"])
    page = client.get(url).content.decode()
    preview = page.split('id="preview"')[1].split("</table>")[0]
    assert "โครงการที่ตั้งงบประมาณ" in preview and "งบประมาณ (บาท)" in preview
    assert "550,000" in preview  # ขุดลอก 300,000 + อาหารกลางวัน 250,000
    assert 'data-confirm="ส่ง' in page
    assert not Submission.objects.exists()  # looking sends nothing
    client.post(url)
    assert Submission.objects.get().numbers["budget"] == 550000


def test_the_review_table_headers_are_not_cut(client, cast, year_a):
    from monitoring.models import REPORT_PERIODS

    client.force_login(cast.pat)
    page = client.get(reverse("province:review_year", args=[cast.pao.code, 2568])).content.decode()
    head = page.split('id="completeness"')[1].split("</thead>")[0]
    for _, _, _, label in REPORT_PERIODS.values():
        assert label in head
    assert "…" not in head
