"""ITA O4 (แผนพัฒนาท้องถิ่น) of a fiscal year is the plan in force in that year, kept as a PDF."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import services as plan_services
from plans.models import Edition
from plans.services import ProjectData
from reports.ita import ita_rows

pytestmark = pytest.mark.django_db


def _amend(plan, approved_on: dt.date, name: str) -> Edition:
    edition = plan_services.edition_create(
        plan=plan, kind="addition", number=1 + plan.editions.count()
    )
    plan_services.project_add(
        edition=edition,
        data=ProjectData(
            strategy=plan.s1, program=plan.works, name=name, budgets={2570: Decimal(1000)}
        ),
    )
    return plan_services.edition_approve(edition=edition, approved_on=approved_on)


def _o4(org, fy):
    return next(r for r in ita_rows(org, fy) if r.item.code == "O4")


def test_o4_of_a_year_is_the_edition_in_force_in_that_year_never_one_dated_later(
    client, cast, worker, plan_a
):
    first = plan_a.editions.get(seq=1)
    in_2568 = _amend(plan_a, dt.date(2025, 6, 1), "โครงการที่เพิ่มในปี 2568")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    future = _amend(plan_a, tomorrow, "โครงการที่อนุมัติวันพรุ่งนี้")

    assert _o4(cast.a, 2567).published_on == first.approved_on
    assert _o4(cast.a, 2568).published_on == dt.date(2025, 6, 1)
    assert _o4(cast.a, 2569).published_on == dt.date(2025, 6, 1)
    # the year running today: an approval dated tomorrow publishes nothing yet
    this_year = 2570 if timezone.localdate() >= dt.date(2026, 10, 1) else 2569
    assert _o4(cast.a, this_year).published_on == dt.date(2025, 6, 1)

    page = client.get(reverse("public_org", args=[cast.a.code]) + "?ita=2567").content.decode()
    assert "20 ธ.ค. 2564" in page or "20 ธันวาคม 2564" in page
    worker()

    first.refresh_from_db()
    in_2568.refresh_from_db()
    assert first.pdf and in_2568.pdf and not future.pdf  # made when approved, by the worker
    response = client.get(reverse("public_ita", args=[cast.a.code, 2567, "O4"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    with first.pdf.open("rb") as kept:
        assert response.content == kept.read()  # 2567's O4 is the first edition
    later = client.get(reverse("public_ita", args=[cast.a.code, 2569, "O4"]))
    with in_2568.pdf.open("rb") as kept:
        assert later.content == kept.read()


def test_o4_is_made_by_the_worker_never_in_the_request_then_served_from_storage(
    client, cast, plan_a, worker, monkeypatch
):
    """plan_a's edition was approved before the queue (its job never ran): the first reader is
    told in Thai that the document is being made, at once; the worker makes it, once."""
    from jobs.models import Job
    from reports import render

    real = render.pdf_bytes
    calls = []

    def counting(template, context):
        calls.append(template)
        return real(template, context)

    monkeypatch.setattr(render, "pdf_bytes", counting)
    Job.objects.filter(kind="freeze_edition").delete()  # approved before PDFs were queued
    url = reverse("public_ita", args=[cast.a.code, 2568, "O4"])
    pending = client.get(url)
    assert pending.status_code == 503 and calls == []  # nothing rendered in the request
    assert "กำลังจัดทำเอกสารแผนพัฒนาท้องถิ่น" in pending.content.decode()
    assert pending["Retry-After"] == "30"
    page = client.get(reverse("public_org", args=[cast.a.code]) + "?ita=2568").content.decode()
    assert 'id="ita-pending-O4"' in page  # the list says so too
    client.get(url)  # asked again before the worker ran: still one job
    assert Job.objects.filter(kind="freeze_edition").count() == 1

    worker()
    assert calls == ["reports/p02.html"]
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    edition = plan_a.editions.get(seq=1)
    with edition.pdf.open("rb") as kept:
        stored = kept.read()
    assert first.content == stored and stored.startswith(b"%PDF")

    second = client.get(url)
    assert second.status_code == 200 and second.content == stored
    assert calls == ["reports/p02.html"]  # not rendered again
    page = client.get(reverse("public_org", args=[cast.a.code]) + "?ita=2568").content.decode()
    assert 'data-code="O4"' in page and 'id="ita-pending-O4"' not in page


def test_approving_an_edition_queues_its_pdf_so_the_ita_link_answers_at_once(
    client, cast, plan_a, worker, monkeypatch
):
    from reports import render

    worker()  # whatever the fixtures queued
    edition = _amend(plan_a, dt.date(2025, 6, 1), "โครงการที่เพิ่มในปี 2568")
    edition.refresh_from_db()
    assert not edition.pdf  # not made inside the approval
    worker()
    edition.refresh_from_db()
    assert edition.pdf
    monkeypatch.setattr(render, "pdf_bytes", lambda *a: pytest.fail("rendered in the request"))
    response = client.get(reverse("public_ita", args=[cast.a.code, 2569, "O4"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


@pytest.mark.django_db(transaction=True)
def test_the_kept_pdfs_are_laid_out_outside_any_transaction(cast, plan_a, monkeypatch):
    """Seconds of layout inside a transaction lock a SQLite database for every writer (the demo's
    pages failed with "database is locked" while the worker made the ITA documents)."""
    from django.db import connection

    from reports import render
    from reports.services import freeze_edition

    real = render.pdf_bytes
    seen = []

    def outside(template, context):
        seen.append(connection.in_atomic_block)
        return real(template, context)

    monkeypatch.setattr(render, "pdf_bytes", outside)
    edition = freeze_edition(plan_a.editions.get(seq=1).pk)
    assert edition is not None and edition.pdf and seen == [False]
    assert freeze_edition(edition.pk) == edition and seen == [False]  # kept: not made again
