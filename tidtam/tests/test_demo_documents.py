"""What the demo leaves ready (one seeding, its checks below): of its approved editions only the
one in force in each org is queued for its ผ.02 (the ITA O4 document), not hundreds of PDFs; every
strategy is linked at each level of the ผ.02 preamble; the possible duplicates across orgs are
already found, so the analyst's list and the province map show them without a ตรวจหาใหม่."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_seed_demo_queues_the_editions_in_force_links_every_strategy_and_finds_duplicates(
    reference_lists,
):
    from jobs.models import Job
    from orgs.models import Province
    from plans.models import Edition, EditionStatus, Plan
    from plans.selectors import approved_seq_on
    from province import duplicates
    from province.models import DuplicatePair
    from reports.documents import linkage_lines

    out = io.StringIO()
    call_command("seed_demo", orgs=2, min_projects=5, max_projects=5, stdout=out)
    plans = list(Plan.objects.all())
    approved = Edition.objects.filter(status=EditionStatus.APPROVED).count()
    jobs = Job.objects.filter(kind="freeze_edition")
    assert approved > len(plans) >= 2
    assert sorted(j.params["edition"] for j in jobs) == sorted(
        Edition.objects.get(plan=p, seq=approved_seq_on(p)).pk for p in plans
    )
    assert not Edition.objects.exclude(pdf="").exists()  # nothing rendered while seeding

    for plan in plans:  # ผ.02 lines ก.–จ.: national strategy, 13th NESDP, SDGs, province, LAOs
        lines = linkage_lines(plan)
        assert len(lines) == plan.strategies.count()
        for strategy_lines in lines.values():
            assert [names for _, _, names in strategy_lines if names == "-"] == []
            assert any("หมุดหมายที่" in names for _, _, names in strategy_lines)

    seeded = set(DuplicatePair.objects.values_list("project_a", "project_b", "fiscal_year"))
    for fy in (2568, 2569, 2570):  # the seed says what the analyst's list of each year shows
        listed = DuplicatePair.objects.filter(fiscal_year=fy).count()
        assert f"ซ้ำซ้อนข้ามหน่วยงาน ปีงบประมาณ {fy}: {listed:,} คู่" in out.getvalue()
    province = Province.objects.get()
    for fy in (2568, 2569, 2570):  # the seed ran the detector for each year: nothing left to find
        duplicates.refresh(province.pk, fy)
    assert set(DuplicatePair.objects.values_list("project_a", "project_b", "fiscal_year")) == seeded
