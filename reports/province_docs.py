"""The province summary (like seed 000): how the LAO-in-province strategies were used, the
development picture in numbers, completeness, early warning and duplicates, then the analyst's
impacts, risks and recommendations. PDF and DOCX from one context."""

from django.db.models import Count

from evaluation.models import AnnualReport
from monitoring.models import Alert
from orgs.models import Organization, Province
from province.analysis import grouped, infrastructure_share, total, uncovered
from province.models import DuplicatePair, Submission, SubmissionStatus, Verdict
from province.selectors import province_report
from reports import render
from reports.monitoring_docs import DOCX, PDF


def context(province: Province, fy: int) -> dict:
    report = province_report(province, fy)
    programs = grouped(province.pk, fy, "program")
    lao = grouped(province.pk, fy, "lao_strategy")
    prov = grouped(province.pk, fy, "province_strategy")
    org_types = grouped(province.pk, fy, "org_type")
    whole = total(programs)
    infra = infrastructure_share(programs)
    orgs = Organization.objects.filter(province=province)
    approved = Submission.objects.filter(
        org__in=orgs, fiscal_year=fy, status=SubmissionStatus.APPROVED
    )
    alerts = list(
        Alert.objects.filter(org__in=orgs, fiscal_year=fy)
        .values("rule__name")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    pairs = DuplicatePair.objects.filter(fiscal_year=fy, project_a__plan__org__province=province)
    top = max(lao, key=lambda g: g.budget, default=None)
    framework = (
        f"องค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด{province.name} จำนวน {orgs.count():,} แห่ง"
        " นำกรอบยุทธศาสตร์การพัฒนา"
        f"ขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดไปใช้ในการจัดทำแผนพัฒนาท้องถิ่น โครงการที่ได้รับงบประมาณในปีงบประมาณ"
        f" พ.ศ.\u00a0{fy} ส่วนใหญ่อยู่ในยุทธศาสตร์{top.label if top else '-'}"
        " และเป็นโครงการในแผนงานอุตสาหกรรมและการโยธา (โครงสร้างพื้นฐาน) ร้อยละ"
        f" {infra['budget_pct'] or 0}"
        " ของงบประมาณทั้งหมด จึงควรให้ความสำคัญกับยุทธศาสตร์ด้านอื่นที่ก่อให้เกิดประโยชน์ต่อประชาชนโดยตรงควบคู่ไปด้วย"
    )
    summary = (
        f"ในปีงบประมาณ พ.ศ.\u00a0{fy} องค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดมีโครงการในแผนพัฒนาท้องถิ่น"
        f" {whole.plan_n:,} โครงการ"
        f" งบประมาณตามแผน {whole.plan_amount:,.2f} บาท ได้รับงบประมาณ {whole.budget_n:,} โครงการ"
        f" (ร้อยละ {whole.budget_pct or 0} ของโครงการในแผน) งบประมาณ {whole.budget:,.2f} บาท"
        f" เบิกจ่าย {whole.disbursed:,.2f} บาท (ร้อยละ {whole.disbursed_pct or 0} ของงบประมาณ)"
        f" ดำเนินการแล้วเสร็จ {whole.done:,} โครงการ อยู่ระหว่างดำเนินการ {whole.in_progress:,} โครงการ"
        f" ยังไม่ได้ดำเนินการ {whole.not_started:,} โครงการ และยกเลิก {whole.cancelled:,} โครงการ"
    )
    return {
        "province": province,
        "fy": fy,
        "report": report,
        "framework": framework,
        "summary": summary,
        "programs": programs,
        "lao": lao,
        "prov": prov,
        "org_types": org_types,
        "whole": whole,
        "lao_rows": [*lao, total(lao)],
        "program_rows": [*programs, whole],
        "org_type_rows": [*org_types, total(org_types)],
        "infra": infra,
        "uncovered": uncovered(province, lao, prov),
        "orgs": orgs.count(),
        "approved": approved.values("org").distinct().count(),
        "posted": AnnualReport.objects.published().filter(org__in=orgs, fiscal_year=fy).count(),
        "alerts": alerts,
        "pairs": pairs.count(),
        "confirmed": pairs.filter(verdict=Verdict.DUPLICATE).count(),
    }


def province_document(province: Province, fy: int, fmt: str):
    c = context(province, fy)
    name = f"สรุปผลการพัฒนาท้องถิ่น-จังหวัด{province.name}-{fy}"
    if fmt == "pdf":
        return f"{name}.pdf", PDF, render.pdf_bytes("reports/province.html", c)
    return f"{name}.docx", DOCX, _docx(c)


def _docx(c: dict) -> bytes:
    d = render.ThaiDocx()
    para = d.para

    def table(head, rows, widths):
        d.table(head, rows, widths, size=12, total_last=True)

    def groups(gs):
        return [
            (
                g.label,
                f"{g.plan_n:,}",
                f"{g.budget_n:,}",
                f"{g.budget:,.2f}",
                f"{g.disbursed:,.2f}",
                g.disbursed_pct if g.disbursed_pct is not None else "-",
            )
            for g in [*gs, total(gs)]
        ]

    head = ["", "ในแผน", "ตั้งงบ", "งบประมาณ (บาท)", "เบิกจ่าย (บาท)", "ร้อยละ"]
    widths = [4.4, 1.5, 1.5, 3.5, 3.5, 1.6]
    para(
        f"สรุปผลการติดตามและประเมินผลการพัฒนาท้องถิ่น จังหวัด{c['province'].name}",
        bold=True,
        size=20,
        center=True,
    )
    para(f"ประจำปีงบประมาณ พ.ศ.\u00a0{c['fy']}", bold=True, size=18, center=True)
    para()
    para("1. การติดตามและประเมินผลยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด", bold=True)
    para(c["framework"], indent=True)
    table(["ยุทธศาสตร์ อปท. ในเขตจังหวัด", *head[1:]], groups(c["lao"]), widths)
    if c["uncovered"]:
        para(
            "ยุทธศาสตร์ที่ยังไม่มีโครงการท้องถิ่นรองรับ: "
            + ", ".join(f"{t.code} {t.name}" for t in c["uncovered"]),
            indent=True,
        )
    para()
    para("2. สรุปผลการพัฒนาท้องถิ่นในภาพรวม", bold=True)
    para(c["summary"], indent=True)
    table(["แผนงาน", *head[1:]], groups(c["programs"]), widths)
    para()
    table(["ประเภท อปท.", *head[1:]], groups(c["org_types"]), widths)
    para()
    para(
        f"การส่งข้อมูล: อนุมัติแล้ว {c['approved']} จาก {c['orgs']} แห่ง ·"
        " ประกาศรายงานการติดตามและประเมินผลแล้ว"
        f" {c['posted']} แห่ง · โครงการที่อาจซ้ำซ้อน {c['pairs']} คู่ (ยืนยันว่าซ้ำซ้อน {c['confirmed']} คู่)",
        indent=True,
    )
    if c["alerts"]:
        para(
            "สัญญาณเตือนล่วงหน้า: " + " · ".join(f"{a['rule__name']} {a['n']:,}" for a in c["alerts"]),
            indent=True,
        )
    para()
    para("3. ข้อเสนอแนะในการจัดทำยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดในอนาคต", bold=True)
    para("3.1 ผลกระทบที่จะเกิดขึ้นในอนาคต", bold=True)
    for line in c["report"].impacts.splitlines():
        para(line, indent=True)
    para("3.2 ความเสี่ยงในการดำเนินการและข้อสังเกต ข้อเสนอแนะ", bold=True)
    for line in c["report"].risks.splitlines():
        para(line, indent=True)
    return d.bytes()
