import uuid
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from exchange.plan_export import plan_workbook
from exchange.plan_import import import_plan
from orgs.decorators import org_view
from plans.models import Plan
from plans.views.common import resolve_seq

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@org_view(write=True)
def import_upload(request, org):
    """Step 1: upload → parse and check everything → preview (nothing written yet)."""
    report = None
    if request.method == "POST" and request.FILES.get("file"):
        upload = request.FILES["file"]
        data = upload.read()
        approve = request.POST.get("approve") == "1"
        report = import_plan(
            org=org, data=data, filename=upload.name, commit=False, approve=approve
        )
        if report.ok:
            token = uuid.uuid4().hex
            (upload_dir() / token).write_bytes(data)
            request.session[f"import:{token}"] = {
                "org": org.code,
                "name": upload.name,
                "approve": approve,
            }
            return render(
                request,
                "exchange/preview.html",
                {
                    "org": org,
                    "report": report,
                    "token": token,
                    "filename": upload.name,
                    "section": "import",
                },
            )
    elif request.method == "POST":
        messages.error(request, "กรุณาเลือกไฟล์ที่จะนำเข้า")
    return render(
        request, "exchange/import.html", {"org": org, "report": report, "section": "import"}
    )


@org_view(write=True)
def import_commit(request, org, token):
    """Step 2: the officer confirmed the preview; the same file is imported in the background."""
    meta = request.session.get(f"import:{token}")
    path = upload_dir() / token
    if request.method != "POST" or not meta or meta["org"] != org.code or not path.exists():
        messages.error(request, "ไม่พบไฟล์ที่รอยืนยัน กรุณาอัปโหลดใหม่")
        return redirect("exchange:import", org.code)
    from jobs import services as jobs
    from jobs.views import start

    del request.session[f"import:{token}"]
    job = jobs.enqueue(kind="plan_import", title=f"นำเข้าแผนพัฒนาท้องถิ่นจากไฟล์ {meta['name']}",
                       org=org, user=request.user,
                       params={"token": token, "name": meta["name"], "approve": meta["approve"]},
                       max_attempts=2)  # fmt: skip
    return start(request, job)


@org_view()
def template_download(request, org):
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    return xlsx_response(plan_workbook(plan, None), "แบบฟอร์มนำเข้าแผนพัฒนาท้องถิ่น.xlsx")


@org_view()
def export(request, org):
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    seq = resolve_seq(request, plan)[0] if plan else None
    return xlsx_response(plan_workbook(plan, seq), f"แผนพัฒนาท้องถิ่น-{org.code}.xlsx")
