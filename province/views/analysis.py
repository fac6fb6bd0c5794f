"""The province analysis page (and its XLSX): plan vs budget vs money across every org."""

from django.http import Http404
from django.shortcuts import render

from core.web import download, this_fy
from orgs.access import require_province_analyst
from orgs.decorators import org_view
from province.analysis import GROUPINGS, grouped, infrastructure_share, total, uncovered


def _check(request, org):
    require_province_analyst(request.user, org)


@org_view()
def analysis(request, org, fy=None):
    _check(request, org)
    fy = fy or this_fy() - 1
    by = request.GET.get("by", "program")
    if by not in GROUPINGS:
        raise Http404
    groups = grouped(org.province_id, fy, by)
    programs = groups if by == "program" else grouped(org.province_id, fy, "program")
    lao = grouped(org.province_id, fy, "lao_strategy")
    prov = grouped(org.province_id, fy, "province_strategy")
    chart = {
        "labels": [g.label[:30] for g in groups],
        "plan": [float(g.plan_amount) for g in groups],
        "budget": [float(g.budget) for g in groups],
        "disbursed": [float(g.disbursed) for g in groups],
    }
    return render(
        request,
        "province/analysis.html",
        {
            "org": org,
            "fy": fy,
            "by": by,
            "by_label": GROUPINGS[by][0],
            "groupings": [(k, v[0]) for k, v in GROUPINGS.items()],
            "groups": groups,
            "total": total(groups),
            "infra": infrastructure_share(programs),
            "uncovered": uncovered(org.province, lao, prov),
            "chart": chart,
            "section": "analysis",
        },
    )


@org_view()
def analysis_xlsx(request, org, fy):
    _check(request, org)

    from openpyxl import Workbook

    from core.cells import append

    wb = Workbook()
    wb.remove(wb.active)
    head = [
        "กลุ่ม",
        "โครงการในแผน",
        "งบตามแผน (บาท)",
        "ตั้งงบประมาณ",
        "ร้อยละของแผน",
        "งบประมาณ (บาท)",
        "เบิกจ่าย (บาท)",
        "ร้อยละเบิกจ่าย",
        "แล้วเสร็จ",
        "ระหว่างดำเนินการ",
        "ยังไม่ดำเนินการ",
        "ยกเลิก",
    ]
    for key, (label, _) in GROUPINGS.items():
        ws = wb.create_sheet(label[:31])
        append(ws, head)
        groups = grouped(org.province_id, fy, key)
        for g in [*groups, total(groups)]:
            append(
                ws,
                [
                    g.label,
                    g.plan_n,
                    g.plan_amount,
                    g.budget_n,
                    g.budget_pct,
                    g.budget,
                    g.disbursed,
                    g.disbursed_pct,
                    g.done,
                    g.in_progress,
                    g.not_started,
                    g.cancelled,
                ],
            )
        for row in ws.iter_rows(min_row=2):
            for cell in row[2:8]:
                cell.number_format = "#,##0.00"
        ws.column_dimensions["A"].width = 48
    import io

    buf = io.BytesIO()
    wb.save(buf)
    return download(
        buf.getvalue(),
        f"วิเคราะห์จังหวัด-{fy}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
