from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.web import download
from orgs.decorators import org_view
from plans.access import get_plan
from plans.models import ActionPlan
from plans.selectors import current_action_plan
from plans.web import resolve_seq
from reports import documents, monitoring_docs


def _file(result) -> HttpResponse:
    filename, content_type, data = result
    return download(data, filename, content_type)


def _background(request, org, title: str, **params) -> HttpResponse:
    """Long documents are made by a worker; the person watches a progress bar and downloads."""
    from jobs import services as jobs
    from jobs.responses import job_started

    job = jobs.enqueue(kind="document", title=title, org=org, user=request.user, params=params)
    return job_started(request, job)


def _fmt(fmt: str) -> str:
    if fmt not in ("pdf", "xlsx"):
        raise Http404("ไม่รองรับรูปแบบไฟล์นี้")
    return fmt


@org_view()
def index(request, org):
    plan = get_plan(org)
    action_plans = ActionPlan.objects.filter(org=org).order_by("fiscal_year", "amendment")
    return render(
        request,
        "reports/index.html",
        {"org": org, "plan": plan, "action_plans": action_plans, "section": "reports"},
    )


@org_view()
def p01(request, org, fmt):
    plan = get_plan(org)
    seq, _ = resolve_seq(request, plan)
    thai = request.GET.get("digits") == "thai"
    if _fmt(fmt) == "pdf":
        return _background(
            request, org, f"จัดทำ ผ.01 ({plan.title}) PDF", doc="p01", fmt=fmt, seq=seq, thai=thai
        )
    return _file(documents.p01(plan, seq, fmt, thai_digits=thai))


@org_view()
def p02(request, org, fmt):
    plan = get_plan(org)
    seq, _ = resolve_seq(request, plan)
    thai = request.GET.get("digits") == "thai"
    if _fmt(fmt) == "pdf":  # 26 pages for 300 projects: seconds of layout
        return _background(
            request, org, f"จัดทำ ผ.02 ({plan.title}) PDF", doc="p02", fmt=fmt, seq=seq, thai=thai
        )
    return _file(documents.p02(plan, seq, fmt, thai_digits=thai))


def _action_plan(org, fy) -> ActionPlan:
    ap = current_action_plan(org, fy)
    if ap is None:
        raise Http404("ไม่พบแผนการดำเนินงาน")
    return ap


def _action_plan_document(request, org, fy, fmt, doc: str, label: str) -> HttpResponse:
    action_plan = _action_plan(org, fy)
    thai = request.GET.get("digits") == "thai"
    if _fmt(fmt) == "pdf":
        return _background(
            request,
            org,
            f"จัดทำ {label} ปี {fy} PDF",
            doc=doc,
            fmt=fmt,
            fy=fy,
            action_plan=action_plan.pk,
            thai=thai,
        )
    build = documents.pd01 if doc == "pd01" else documents.pd02
    return _file(build(action_plan, fmt, thai_digits=thai))


@org_view()
def pd01(request, org, fy, fmt):
    return _action_plan_document(request, org, fy, fmt, "pd01", "ผด.01")


@org_view()
def pd02(request, org, fy, fmt):
    return _action_plan_document(request, org, fy, fmt, "pd02", "ผด.02")


def _options(request) -> dict:
    decimals = request.GET.get("decimals", "2")
    mode = request.GET.get("mode", "round")
    return {
        "decimals": int(decimals) if decimals in ("0", "1", "2") else 2,
        "mode": mode if mode in ("round", "truncate") else "round",
        "thai_digits": request.GET.get("digits") == "thai",
    }


@org_view()
def form2(request, org, fy, code, fmt):
    from monitoring.models import REPORT_PERIODS

    if code not in REPORT_PERIODS:
        raise Http404("ไม่มีรอบรายงานนี้")
    photos = request.GET.get("photos") == "1"
    return _file(
        monitoring_docs.form2_document(org, fy, code, _fmt(fmt), **_options(request), photos=photos)
    )


@org_view()
def six_month(request, org, fy, fmt):
    if fmt not in ("pdf", "docx"):
        raise Http404("ไม่รองรับรูปแบบไฟล์นี้")
    return _file(monitoring_docs.six_month_document(org, fy, fmt, **_options(request)))


@org_view()
def annual(request, org, fy, fmt):
    if fmt not in ("pdf", "docx"):
        raise Http404("ไม่รองรับรูปแบบไฟล์นี้")
    return _background(
        request,
        org,
        f"จัดทำรายงานผลการติดตามและประเมินผล ปี {fy} ({fmt.upper()})",
        doc="annual",
        fmt=fmt,
        fy=fy,
        thai=request.GET.get("digits") == "thai",
        photos=request.GET.get("photos") == "1",
    )


@org_view()
def province_summary(request, org, fy, fmt):
    from orgs.access import require_province_analyst

    require_province_analyst(request.user, org)
    if fmt not in ("pdf", "docx"):
        raise Http404("ไม่รองรับรูปแบบไฟล์นี้")
    return _background(
        request,
        org,
        f"จัดทำสรุปผลการพัฒนาท้องถิ่นจังหวัด{org.province.name} ปี {fy} ({fmt.upper()})",
        doc="province",
        fmt=fmt,
        fy=fy,
    )


@org_view()
def ita_evidence(request, org, fy, code, kind):
    """บันทึกข้อความ / แบบฟอร์มการเผยแพร่ of one ITA item, DOCX from the org's details."""
    from django.utils import timezone

    from reports.ita import items_for
    from reports.ita_evidence import KINDS, evidence

    item = next((i for i in items_for(fy) if i.code.lower() == code.lower()), None)
    if item is None or kind not in KINDS:
        raise Http404("ไม่มีรายการนี้ในปีงบประมาณนี้")
    url = request.build_absolute_uri(reverse("public_ita", args=[org.code, fy, item.code]))
    return _file(evidence(org, fy, item, kind, url, timezone.localdate()))
