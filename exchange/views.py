import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from core.web import download
from exchange import import_forms as forms
from exchange.action_import import import_action_plan
from exchange.official_export import official_workbook
from exchange.plan_export import plan_workbook
from exchange.plan_import import import_plan
from orgs.decorators import org_view
from plans.models import Plan
from plans.web import resolve_seq

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    return download(data, filename, XLSX)


def _preview(request, org, token: str, meta: dict):
    report = import_plan(
        org=org,
        data=(upload_dir() / token).read_bytes(),
        filename=meta["name"],
        commit=False,
        programs=meta.get("programs") or {},
    )
    if report.ok or report.only_choices_missing:
        meta["editions"] = [e.label for e in report.editions]
        request.session[f"import:{token}"] = meta
        return render(
            request,
            "exchange/preview.html",
            {
                "org": org,
                "report": report,
                "token": token,
                "filename": meta["name"],
                "section": "import",
            },
        )
    (upload_dir() / token).unlink(missing_ok=True)
    request.session.pop(f"import:{token}", None)
    return render(
        request, "exchange/import.html", {"org": org, "report": report, "section": "import"}
    )


def _pending(request, org, token):
    meta = request.session.get(f"import:{token}")
    if request.method != "POST" or not meta or meta["org"] != org.code:
        return None
    if not (upload_dir() / token).exists():
        return None
    return meta


@org_view(write=True)
def import_upload(request, org):
    """Step 1: upload → parse and check everything → preview (nothing written yet)."""
    if request.method == "POST" and request.FILES.get("file"):
        upload = request.FILES["file"]
        token = uuid.uuid4().hex
        (upload_dir() / token).write_bytes(upload.read())
        meta = {"org": org.code, "name": upload.name, "programs": {}}
        request.session[f"import:{token}"] = meta
        return _preview(request, org, token, meta)
    if request.method == "POST":
        messages.error(request, "กรุณาเลือกไฟล์ที่จะนำเข้า")
    return render(request, "exchange/import.html", {"org": org, "section": "import"})


@org_view(write=True)
def import_recheck(request, org, token):
    """The officer chose the แผนงาน for names that fit several: check the same file again."""
    meta = _pending(request, org, token)
    if meta is None:
        messages.error(request, "ไม่พบไฟล์ที่รอยืนยัน กรุณาอัปโหลดใหม่")
        return redirect("exchange:import", org.code)
    meta["programs"] = {**meta.get("programs", {}), **forms.program_choices(request.POST)}
    request.session[f"import:{token}"] = meta
    return _preview(request, org, token, meta)


@org_view(write=True)
def import_commit(request, org, token):
    """Step 2: the officer confirmed the preview; the same file is imported in the background."""
    meta = _pending(request, org, token)
    if meta is None:
        messages.error(request, "ไม่พบไฟล์ที่รอยืนยัน กรุณาอัปโหลดใหม่")
        return redirect("exchange:import", org.code)
    approvals, errors = forms.edition_approvals(request.POST)
    needs = [
        label
        for label in meta.get("editions", [])[:-1]
        if not (approvals.get(label) and approvals[label].complete)
    ]
    if needs:  # only one draft edition can be open at a time
        errors.append(
            "ต้องระบุผู้อนุมัติและวันที่อนุมัติของ "
            + ", ".join(f"“{label}”" for label in needs)
            + " (มีฉบับที่ตามมาในไฟล์ และแผนมีฉบับร่างได้ครั้งละหนึ่งฉบับ)"
        )
    if errors:
        for error in errors:
            messages.error(request, error)
        return _preview(request, org, token, meta)
    from jobs import services as jobs
    from jobs.responses import job_started

    del request.session[f"import:{token}"]
    job = jobs.enqueue(
        kind="plan_import",
        title=f"นำเข้าแผนพัฒนาท้องถิ่นจากไฟล์ {meta['name']}",
        org=org,
        user=request.user,
        params={
            "token": token,
            "name": meta["name"],
            "approvals": forms.approvals_to_params(approvals),
            "programs": meta.get("programs") or {},
        },
        max_attempts=2,
    )
    return job_started(request, job)


@org_view()
def template_download(request, org):
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    return xlsx_response(plan_workbook(plan, None), "แบบฟอร์มนำเข้าแผนพัฒนาท้องถิ่น.xlsx")


@org_view()
def export(request, org):
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    seq = resolve_seq(request, plan)[0] if plan else None
    return xlsx_response(plan_workbook(plan, seq), f"แผนพัฒนาท้องถิ่น-{org.code}.xlsx")


@org_view()
def export_official(request, org):
    """ผ.01 and ผ.02 in the official merged layout (one sheet per strategy/tactic/แผนงาน)."""
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    if plan is None:
        messages.error(request, "ยังไม่มีแผนพัฒนาท้องถิ่น")
        return redirect("exchange:import", org.code)
    seq = resolve_seq(request, plan)[0]
    return xlsx_response(official_workbook(plan, seq), f"ผ.01-ผ.02-{org.code}.xlsx")


@org_view(write=True)
def action_import(request, org):
    """ผด.02 → the action plan: upload → preview (nothing written) → confirm."""
    token = request.POST.get("token", "")
    meta = request.session.get(f"action-import:{token}") if token else None
    if request.method == "POST" and meta and meta["org"] == org.code:
        path = upload_dir() / token
        if not path.exists():
            messages.error(request, "ไม่พบไฟล์ที่รอยืนยัน กรุณาอัปโหลดใหม่")
            return redirect("exchange:action_import", org.code)
        report = import_action_plan(org=org, data=path.read_bytes(), filename=meta["name"])
        path.unlink(missing_ok=True)
        del request.session[f"action-import:{token}"]
        if report.ok:
            messages.success(
                request, f"นำเข้า{report.action_plan.title} {len(report.rows):,} รายการแล้ว"
            )
            return redirect("plans:action_plan_year", org.code, report.fiscal_year)
    elif request.method == "POST" and request.FILES.get("file"):
        upload = request.FILES["file"]
        data = upload.read()
        report = import_action_plan(org=org, data=data, filename=upload.name, commit=False)
        if report.ok:
            token = uuid.uuid4().hex
            (upload_dir() / token).write_bytes(data)
            request.session[f"action-import:{token}"] = {"org": org.code, "name": upload.name}
    else:
        report, token = None, ""
        if request.method == "POST":
            messages.error(request, "กรุณาเลือกไฟล์ที่จะนำเข้า")
    return render(
        request,
        "exchange/action_import.html",
        {"org": org, "report": report, "token": token, "section": "import"},
    )
