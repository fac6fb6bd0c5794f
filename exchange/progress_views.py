"""Upload a month's disbursement file → preview (nothing written) → confirm → saved all at once."""

import uuid

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from exchange.progress_import import import_progress, progress_template
from exchange.views import upload_dir, xlsx_response
from monitoring.web import check_month
from orgs.decorators import org_view
from thai.dates import fiscal_month_labels


def _label(fy, month) -> str:
    m, y = fiscal_month_labels(fy)[month - 1]
    return f"{m} {y}"


@org_view(write=True)
def progress_upload(request, org, fy, month):
    check_month(month)
    ctx = {
        "org": org,
        "fy": fy,
        "month": month,
        "month_label": _label(fy, month),
        "section": "monitoring",
        "report": None,
    }
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "กรุณาเลือกไฟล์ที่จะนำเข้า")
        else:
            data = upload.read()
            report = import_progress(
                org=org,
                fiscal_year=fy,
                month=month,
                data=data,
                filename=upload.name,
                commit=False,
            )
            ctx["report"] = report
            if report.ok:
                token = uuid.uuid4().hex
                (upload_dir() / token).write_bytes(data)
                request.session[f"progress:{token}"] = {
                    "org": org.code,
                    "fy": fy,
                    "month": month,
                    "name": upload.name,
                }
                ctx |= {"token": token, "filename": upload.name}
                return render(request, "exchange/progress_preview.html", ctx)
    return render(request, "exchange/progress_import.html", ctx)


@org_view(write=True)
@require_POST
def progress_commit(request, org, fy, month, token):
    meta = request.session.get(f"progress:{token}")
    path = upload_dir() / token
    if not meta or meta != {**meta, "org": org.code, "fy": fy, "month": month} or not path.exists():
        messages.error(request, "ไม่พบไฟล์ที่รอยืนยัน กรุณาอัปโหลดใหม่")
        return redirect("exchange:progress_import", org.code, fy, month)
    report = import_progress(
        org=org,
        fiscal_year=fy,
        month=month,
        data=path.read_bytes(),
        filename=meta["name"],
        commit=True,
        updated_by=request.user,
    )
    path.unlink(missing_ok=True)
    del request.session[f"progress:{token}"]
    if not report.ok:
        ctx = {
            "org": org,
            "fy": fy,
            "month": month,
            "month_label": _label(fy, month),
            "section": "monitoring",
            "report": report,
        }
        return render(request, "exchange/progress_import.html", ctx)
    messages.success(
        request, f"นำเข้าการเบิกจ่าย {len(report.changes):,} โครงการ รวม {report.total:,.2f} บาทแล้ว"
    )
    return redirect("monitoring:entry", org.code, fy, month)


@org_view()
def progress_template_download(request, org, fy, month):
    check_month(month)
    return xlsx_response(
        progress_template(org, fy, month), f"การเบิกจ่าย-{org.code}-{fy}-{month:02d}.xlsx"
    )
