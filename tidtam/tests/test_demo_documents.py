"""The demo does not render hundreds of PDFs: of its approved editions, only the one in force in
each org is queued for its ผ.02 (the ITA O4 document)."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_seed_demo_queues_only_the_edition_in_force_of_each_org(reference_lists):
    from jobs.models import Job
    from plans.models import Edition, EditionStatus, Plan
    from plans.selectors import approved_seq_on

    call_command("seed_demo", orgs=2, min_projects=5, max_projects=5, stdout=io.StringIO())
    plans = list(Plan.objects.all())
    approved = Edition.objects.filter(status=EditionStatus.APPROVED).count()
    jobs = Job.objects.filter(kind="freeze_edition")
    assert approved > len(plans) >= 2
    assert sorted(j.params["edition"] for j in jobs) == sorted(
        Edition.objects.get(plan=p, seq=approved_seq_on(p)).pk for p in plans
    )
    assert not Edition.objects.exclude(pdf="").exists()  # nothing rendered while seeding


def test_every_demo_strategy_is_linked_at_each_level_of_the_p02_preamble(reference_lists):
    """The ผ.02 lines ก.–จ. (national strategy, the 13th NESDP, SDGs, province, LAOs in the
    province) of the demo name a linked target each, never "-"."""
    from plans.models import Plan
    from reports.documents import linkage_lines

    call_command("seed_demo", orgs=2, min_projects=5, max_projects=5, stdout=io.StringIO())
    plans = list(Plan.objects.all())
    assert plans
    for plan in plans:
        lines = linkage_lines(plan)
        assert len(lines) == plan.strategies.count()
        for strategy_lines in lines.values():
            assert [names for _, _, names in strategy_lines if names == "-"] == []
            assert any("หมุดหมายที่" in names for _, _, names in strategy_lines)
