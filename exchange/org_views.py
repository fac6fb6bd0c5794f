"""The อบจ.'s import of its province's orgs: upload → preview (nothing written) → confirm."""

import uuid

from django.contrib import messages
from django.shortcuts import redirect, render

from exchange.org_import import import_orgs
from exchange.views import upload_dir
from orgs.access import require_province_analyst
from orgs.decorators import org_view


@org_view()
def orgs_import(request, org):
    require_province_analyst(request.user, org)
    report = None
    if request.method == "POST" and request.FILES.get("file"):
        upload = request.FILES["file"]
        data = upload.read()
        report = import_orgs(province=org.province, data=data, filename=upload.name, commit=False)
        if report.ok:
            token = uuid.uuid4().hex
            (upload_dir() / token).write_bytes(data)
            request.session[f"orgs-import:{token}"] = {"org": org.code, "name": upload.name}
            return render(
                request,
                "exchange/orgs_preview.html",
                {
                    "org": org,
                    "report": report,
                    "token": token,
                    "filename": upload.name,
                    "section": "province_orgs",
                },
            )
    elif request.method == "POST":
        messages.error(request, "กรุณาเลือกไฟล์ที่จะนำเข้า")
    return render(
        request,
        "exchange/orgs_import.html",
        {"org": org, "report": report, "section": "province_orgs"},
    )


@org_view()
def orgs_import_commit(request, org, token):
    require_province_analyst(request.user, org)
    key = f"orgs-import:{token}"
    meta = request.session.get(key)
    path = upload_dir() / token
    if request.method != "POST" or not meta or meta["org"] != org.code or not path.exists():
        messages.error(request, "ไม่พบไฟล์ที่รอยืนยัน กรุณาอัปโหลดใหม่")
        return redirect("exchange:orgs_import", org.code)
    report = import_orgs(province=org.province, data=path.read_bytes(), filename=meta["name"])
    path.unlink(missing_ok=True)
    del request.session[key]
    if not report.ok:
        return render(
            request,
            "exchange/orgs_import.html",
            {"org": org, "report": report, "section": "province_orgs"},
        )
    messages.success(
        request, f"นำเข้า อปท. แล้ว: ใหม่ {len(report.new)} แห่ง ปรับปรุง {len(report.updated)} แห่ง"
    )
    return redirect("people:province_orgs", org.code)
