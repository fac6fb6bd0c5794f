"""No save silently overwrites another person's edit or drops a field the form does not show."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from conftest import seen_in
from plans import services as ps
from plans.models import ProjectVersion


def form_data(page) -> dict:
    """The values a browser would post back from the page's first edit form."""
    form = page.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "pk"):
            value = value.pk
        data[name] = "" if value is None else value
    return data


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


@pytest.fixture
def draft(plan_a):
    return ps.edition_create(plan=plan_a, kind="change", number=1, year=2568)


def test_saving_the_project_form_keeps_the_division(client, cast, plan_a, draft):
    road = plan_a.projects_[0]  # กองช่าง's road
    client.force_login(cast.alice)
    url = reverse("plans:project_edit", args=[cast.a.code, road.pk])
    data = form_data(client.get(url))
    data["name"] = "ก่อสร้างถนน คสล. สายบ้านหนองแวง หมู่ที่ 3 (ปรับแบบ)"
    assert client.post(url, data).status_code == 302
    saved = ProjectVersion.objects.get(project=road, edition=draft)
    assert saved.division == cast.works
    # and the division head still reaches their own project
    dana = Client()
    dana.force_login(cast.dana)
    assert dana.get(url).status_code == 200


def test_a_second_stale_save_of_a_project_is_refused_and_shows_the_first(
    client, cast, plan_a, draft
):
    road = plan_a.projects_[0]
    url = reverse("plans:project_edit", args=[cast.a.code, road.pk])
    client.force_login(cast.alice)
    dana = Client()
    dana.force_login(cast.dana)
    mine, theirs = form_data(client.get(url)), form_data(dana.get(url))
    theirs["name"] = "ถนนตามที่กองช่างแก้"
    assert dana.post(url, theirs).status_code == 302
    mine["location"] = "หมู่ที่ 4"
    refused = client.post(url, mine)
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "มีผู้แก้ไขโครงการนี้ก่อนหน้าคุณ" in text and "ถนนตามที่กองช่างแก้" in text
    current = ProjectVersion.objects.get(project=road, edition=draft)
    assert (current.name, current.location) == ("ถนนตามที่กองช่างแก้", "หมู่ที่ 3")
    # a blank revision does not skip the check
    mine["revision"] = ""
    assert "แบบฟอร์มนี้เก่าแล้ว" in client.post(url, mine).content.decode()
    assert ProjectVersion.objects.get(project=road, edition=draft).location == "หมู่ที่ 3"


def test_two_edits_of_the_annual_report_text_do_not_overwrite_each_other(client, cast):
    url = reverse("evaluation:annual_year", args=[cast.a.code, 2568])
    client.force_login(cast.alice)
    other = Client()
    other.force_login(cast.alice)

    def post_of(page, **changes):
        seen = re.search(r'name="seen" value="([^"]+)"', page.content.decode()).group(1)
        data = {k: ("" if v is None else v) for k, v in page.context["form"].initial.items()}
        for k in ("presented_on", "announced_on", "posted_from", "posted_until"):
            data[k] = ""
        return {**data, **changes, "seen": seen}

    first, second = post_of(client.get(url), problems="งบประมาณมาล่าช้า"), None
    second = post_of(other.get(url), problems="บุคลากรไม่เพียงพอ")
    assert client.post(url, first).status_code == 302
    refused = other.post(url, second, follow=True)
    assert "มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว" in messages_of(refused)
    assert "งบประมาณมาล่าช้า" in messages_of(refused)
    from evaluation.models import AnnualReport

    assert AnnualReport.objects.get(org=cast.a, fiscal_year=2568).problems == "งบประมาณมาล่าช้า"


def test_a_stale_vision_strategy_or_kpi_save_is_refused(client, cast, plan_a):
    from orgs.stale import fingerprint

    client.force_login(cast.alice)
    seen = fingerprint(plan_a)
    vision = reverse("plans:vision_edit", args=[cast.a.code])
    assert client.post(vision, {"vision": "เมืองน่าอยู่", "seen": seen}).status_code == 302
    refused = client.post(vision, {"vision": "เมืองการศึกษา", "seen": seen}, follow=True)
    assert "มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว" in messages_of(refused) and "เมืองน่าอยู่" in messages_of(refused)
    plan_a.refresh_from_db()
    assert plan_a.vision == "เมืองน่าอยู่"
    # without the fingerprint (an old page) nothing is saved either
    client.post(vision, {"vision": "เมืองการศึกษา"})
    plan_a.refresh_from_db()
    assert plan_a.vision == "เมืองน่าอยู่"
    s1 = plan_a.s1
    seen = fingerprint(s1)
    edit = reverse("plans:strategy_edit", args=[cast.a.code, s1.pk])
    client.post(edit, {"name": "ยุทธศาสตร์ที่แก้แล้ว", "seen": seen})
    client.post(edit, {"name": "ยุทธศาสตร์ที่แก้ทับ", "seen": seen})
    s1.refresh_from_db()
    assert s1.name == "ยุทธศาสตร์ที่แก้แล้ว"
    kpi = ps.kpi_save(strategy=s1, name="ถนนที่ก่อสร้าง", unit="สาย", targets={2568: 3})
    seen = fingerprint(kpi)
    ps.kpi_save(strategy=s1, kpi=kpi, name="ถนนที่ก่อสร้าง", unit="สาย", targets={2568: 5}, seen=seen)
    with pytest.raises(Exception, match="มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว"):
        ps.kpi_save(strategy=s1, kpi=kpi, name="ถนน", unit="กม.", targets={2568: 4}, seen=seen)
    assert kpi.targets.get(year=2568).value == 5


def test_a_stale_budget_line_save_is_refused_and_shows_the_first(client, cast, year_a):
    """Two officers open the ordinance page; the first corrects the dredging's amount, the
    second (still showing the old amount) is refused and told what the first saved."""
    import re

    client.force_login(cast.alice)
    page = client.get(reverse("plans:budget_year", args=[cast.a.code, 2568])).content.decode()
    action = reverse("plans:budget_line_edit", args=[cast.a.code, 2568, year_a.d_line.pk])
    form = page[page.index(f'action="{action}"') :]
    seen = re.search(r'name="seen" value="([^"]+)"', form).group(1)
    first = client.post(action, {"amount": "310000", "item": "ค่าจ้างเหมา", "seen": seen})
    assert first.status_code == 302
    second = client.post(action, {"amount": "290000", "item": "", "seen": seen}, follow=True)
    text = messages_of(second)
    assert "มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว" in text and "310000" in text and "ค่าจ้างเหมา" in text
    year_a.d_line.refresh_from_db()
    assert (year_a.d_line.amount, year_a.d_line.item) == (310000, "ค่าจ้างเหมา")
    # a page from before the fingerprint (no `seen`) saves nothing either
    client.post(action, {"amount": "1", "item": ""})
    year_a.d_line.refresh_from_db()
    assert year_a.d_line.amount == 310000


def test_an_approval_of_a_draft_changed_since_the_page_was_opened_is_refused(
    client, cast, plan_a, draft
):
    """The executive opens the editions page; meanwhile the officer adds a project to the draft.
    Approving from the old page would approve a plan nobody looked at: it is refused, the page
    says what the draft holds now, and approving from the fresh page works."""
    from plans.models import Edition, EditionStatus

    client.force_login(cast.alice)
    page = reverse("plans:editions", args=[cast.a.code])
    approve = reverse("plans:edition_approve", args=[cast.a.code, draft.seq])
    seen = seen_in(client.get(page), approve)
    ps.project_add(
        edition=draft,
        data=ps.ProjectData(
            strategy=plan_a.s1,
            program=plan_a.projects_[0].versions.first().program,
            name="ก่อสร้างรางระบายน้ำ หมู่ที่ 7",
            budgets={2568: Decimal(150000)},
        ),
    )
    form = {"approved_on": "20/11/2567", "announced_on": "25/11/2567", "seen": seen}
    form["approver"] = "นายกเทศมนตรีเมืองบัวใหญ่"
    refused = client.post(approve, form)
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว" in text and "ในฉบับนี้ขณะนี้: 1 รายการ" in text
    assert Edition.objects.get(pk=draft.pk).status == EditionStatus.DRAFT
    # without a fingerprint (an old page) nothing is approved either
    assert client.post(approve, {**form, "seen": ""}).status_code == 400
    assert Edition.objects.get(pk=draft.pk).status == EditionStatus.DRAFT
    fresh = seen_in(refused, approve)  # the refusal shows the draft as it is now
    assert client.post(approve, {**form, "seen": fresh}).status_code == 302
    assert Edition.objects.get(pk=draft.pk).status == EditionStatus.APPROVED


def test_discarding_a_draft_someone_changed_meanwhile_is_refused(client, cast, plan_a, draft):
    from plans.models import Edition

    client.force_login(cast.alice)
    page = reverse("plans:editions", args=[cast.a.code])
    discard = reverse("plans:edition_discard", args=[cast.a.code, draft.seq])
    seen = seen_in(client.get(page), discard)
    road = plan_a.projects_[0]
    url = reverse("plans:project_edit", args=[cast.a.code, road.pk])
    data = form_data(client.get(url))
    data["name"] = "ถนนที่กองช่างแก้ในฉบับร่าง"
    assert client.post(url, data).status_code == 302
    refused = client.post(discard, {"seen": seen}, follow=True)
    assert "มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว" in messages_of(refused)
    assert Edition.objects.filter(pk=draft.pk).exists()
    assert ProjectVersion.objects.get(project=road, edition=draft).name == "ถนนที่กองช่างแก้ในฉบับร่าง"


def test_an_action_plan_item_typed_before_a_new_amendment_is_refused(client, cast, year_a):
    """The officer fills the item form of the action plan; a colleague makes แก้ไขครั้งที่ 1
    meanwhile. The item is refused (it would have gone into the superseded plan, shown nowhere),
    the message names the amendment; from the fresh page it lands in the current plan, last."""
    from plans.models import ActionPlan

    client.force_login(cast.alice)
    page = reverse("plans:action_plan_year", args=[cast.a.code, 2568])
    add = reverse("plans:action_item_new", args=[cast.a.code, 2568])
    seen = seen_in(client.get(page), add)
    first = ActionPlan.objects.get(org=cast.a, fiscal_year=2568, amendment=0)
    ps.action_plan_create(org=cast.a, fiscal_year=2568, amendment=1)
    item = {"budget_line": "", "other_agency": "แขวงทางหลวงชนบท", "name": "ซ่อมสร้างถนนสาย นม.3001"}
    item |= {"amount": "2000000", "months": ["3", "4"], "seen": seen}
    refused = client.post(add, item, follow=True)
    assert "มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว" in messages_of(refused)
    assert "แก้ไขครั้งที่: “1”" in messages_of(refused)
    assert not first.items.filter(name__startswith="ซ่อมสร้างถนน").exists()
    current = ActionPlan.objects.get(org=cast.a, fiscal_year=2568, amendment=1)
    assert client.post(add, {**item, "seen": seen_in(refused, add)}).status_code == 302
    added = current.items.get(name__startswith="ซ่อมสร้างถนน")
    assert added.seq_no == 1  # numbered under the plan's lock, not from the page
    assert client.post(add, {**item, "name": "ถนนสายที่สอง", "seen": seen_in(refused, add)})
    assert current.items.get(name="ถนนสายที่สอง").seq_no == 2


def test_a_member_typed_before_a_new_term_was_appointed_is_refused(client, cast):
    """Two officers on the committee page: one appoints the new term's committee, the other
    (still showing the old one) adds a member — refused, not seated in the ended term. A second
    appointment from a page that showed no committee is refused too (no doubled committee)."""
    import datetime as dt

    from evaluation import services as es
    from evaluation.models import Committee

    client.force_login(cast.alice)
    page = reverse("evaluation:committee", args=[cast.a.code])
    new = reverse("evaluation:committee_new", args=[cast.a.code])
    none_seen = seen_in(client.get(page), new)
    appoint = {"order_no": "123/2566", "appointed_on": "01/10/2566", "term_start": "01/10/2566"}
    assert client.post(new, {**appoint, "seen": none_seen}).status_code == 302
    again = client.post(new, {**appoint, "order_no": "124/2566", "seen": none_seen}, follow=True)
    assert "มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว" in messages_of(again)
    assert "123/2566" in messages_of(again)
    assert Committee.objects.filter(org=cast.a).count() == 1
    member = reverse("evaluation:member_new", args=[cast.a.code])
    old_page = client.get(page)
    seen = seen_in(old_page, member)
    es.committee_create(
        org=cast.a, appointed_on=dt.date(2025, 10, 1), term_start=dt.date(2025, 10, 1)
    )
    person = {
        "name": "นางสมศรี ใจดี",
        "seat": "forum",
        "role": "member",
        "position": "",
        "seen": seen,
    }
    refused = client.post(member, person, follow=True)
    assert "มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว" in messages_of(refused)
    assert not Committee.objects.filter(members__name="นางสมศรี ใจดี").exists()
    meeting = reverse("evaluation:meeting_new", args=[cast.a.code])
    held = {"held_on": "15/12/2568", "title": "ติดตามผลรอบ 6 เดือน", "seen": seen}
    assert "มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว" in messages_of(client.post(meeting, held, follow=True))
    fresh = client.get(page)
    assert client.post(member, {**person, "seen": seen_in(fresh, member)}).status_code == 302
    current = Committee.objects.order_by("-term_start").first()
    assert current.members.get().name == "นางสมศรี ใจดี"


def test_the_annual_report_form_is_read_only_for_whoever_cannot_save_it(client, cast):
    """The committee reads the report's text and dates; the form shows them as such (no field
    looks editable without a save button), and a forged post changes nothing."""
    from evaluation.forms import AnnualReportForm

    url = reverse("evaluation:annual_year", args=[cast.a.code, 2568])
    client.force_login(cast.carl)
    page = client.get(url).content.decode()
    form = page[page.index('<form method="post" class="stack card">') :]
    form = form[: form.index("</form>")]
    assert 'id="read-only"' in page and 'type="submit"' not in form
    assert form.count(" disabled") == len(AnnualReportForm().fields)
    assert client.post(url, {"problems": "แก้โดยกรรมการ"}).status_code == 403
    client.force_login(cast.alice)
    mine = client.get(url).content.decode().split('class="stack card"')[1].split("</form>")[0]
    assert " disabled" not in mine and 'type="submit"' in mine
