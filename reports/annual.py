"""รายงานการติดตามและประเมินผลแผนพัฒนาท้องถิ่น ประจำปี: one click → PDF (WeasyPrint) and DOCX.

Both are built from one context so the two files always say the same thing."""

from django.utils import timezone

from evaluation.form31 import form31
from evaluation.kpis import kpi_table
from evaluation.models import AnnualReport, ChecklistAnswer, ScoreTemplate, Survey
from evaluation.publication import deadlines
from evaluation.scores import consolidated
from evaluation.selectors import current_committee
from evaluation.stats import survey_result
from monitoring.models import Status
from monitoring.queries import disbursement_curve, form2
from orgs.models import Organization
from plans.models import Plan
from reports import charts, render, signatures
from reports.monitoring_docs import DOCX, PDF, summary_sentences
from thai.dates import fiscal_month_labels, thai_date


def annual_report(org: Organization, fy: int) -> AnnualReport:
    return AnnualReport.objects.filter(org=org, fiscal_year=fy).first() or AnnualReport(
        org=org, fiscal_year=fy
    )


def context(org: Organization, fy: int) -> dict:
    report = annual_report(org, fy)
    plan = Plan.objects.filter(org=org, start_year__lte=fy, end_year__gte=fy).first()
    year = form2(org, fy, 12)
    committee = current_committee(org)
    surveys = [
        survey_result(s)
        for s in Survey.objects.filter(org=org, fiscal_year=fy).select_related("template")
    ]
    checklist = (
        ChecklistAnswer.objects.filter(plan=plan) if plan else ChecklistAnswer.objects.none()
    )
    curve = disbursement_curve(org, fy)
    kpis = kpi_table(plan) if plan else []
    months = [f"{m} {str(y)[-2:]}" for m, y in fiscal_month_labels(fy)]
    status_chart = charts.stacked_bars(
        [f"{r.number}. {r.name}" if r.number else r.name for r in year.rows],
        [(label, [r.by_status[v] for r in year.rows]) for v, label in Status.choices],
    )
    curve_chart = charts.lines(
        months,
        [
            ("ตามแผนการดำเนินงาน", curve["planned"], "#2563eb"),
            ("เบิกจ่ายจริง", curve["actual"], "#047857"),
        ],
    )
    ctx = {
        "org": org,
        "fy": fy,
        "report": report,
        "plan": plan,
        "committee": committee,
        "members": list(committee.members.all()) if committee else [],
        "scores": [consolidated(org, t, fy) for t in ScoreTemplate.objects.all()],
        "year": year,
        "sentences": summary_sentences(year),
        "form31": form31(org, fy),
        "kpis": kpis,
        "kpi_blocks": render.keep_blocks([(st, r) for st, rows in kpis for r in rows]),
        "kpi_col": plan.years.index(fy) if plan and fy in plan.years else None,
        "surveys": surveys,
        "checklist": (checklist.filter(done=True).count(), checklist.count()),
        "status_chart": status_chart,
        "curve_chart": curve_chart,
        "statuses": Status.choices,
        "deadlines": deadlines(report, timezone.localdate()),
        **signatures.context(org),
    }
    ctx["announcement"] = announcement(ctx)  # one text for the PDF and the DOCX
    return ctx


def annual_document(
    org: Organization, fy: int, fmt: str, *, thai_digits: bool = False, photos: bool = False
):
    ctx = context(org, fy)
    if photos:  # a photo page per completed work, at the end (reports.photo_pages)
        from reports.photo_pages import completed_works_photos

        ctx["photo_pages"] = completed_works_photos(org, fy)
    name = f"รายงานติดตามและประเมินผล-{org.code}-{fy}"
    if fmt == "pdf":
        return (
            f"{name}.pdf",
            PDF,
            render.pdf_bytes("reports/annual.html", {**ctx, "td": thai_digits}),
        )
    return f"{name}.docx", DOCX, _docx(ctx, thai_digits)


def _docx(c: dict, td: bool) -> bytes:
    d = render.ThaiDocx(thai_digits=td)
    para, table = d.para, d.table

    org, fy, report = c["org"], c["fy"], c["report"]
    emblem = signatures.emblem_path(org)
    for _ in range(2 if emblem else 6):
        para()
    if emblem:
        d.picture(emblem, 3.5)
        para()
    para("รายงานการติดตามและประเมินผลแผนพัฒนาท้องถิ่น", bold=True, size=26, center=True)
    para(f"ประจำปีงบประมาณ พ.ศ.\u00a0{fy}", bold=True, size=22, center=True)
    if c["plan"]:
        para(f"({c['plan'].title})", size=18, center=True)
    for _ in range(4 if emblem else 8):
        para()
    para("คณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่น", bold=True, size=18, center=True)
    para(org.name, bold=True, size=20, center=True)
    if c["place"]:
        para(c["place"], size=18, center=True)
    if org.address or org.website or org.email:
        para()
        para(org.full_address, size=14, center=True)
        para(" · ".join(x for x in (org.website, org.email) if x), size=14, center=True)

    para("ส่วนที่ 1 บทนำ", bold=True, size=18, page_break=True)
    for line in report.introduction.splitlines():
        para(line, indent=True)
    para()
    para("คณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่น", bold=True)
    table(
        ["ที่", "ชื่อ-สกุล", "ตำแหน่ง", "หน้าที่"],
        [
            (i, m.name, m.position or m.get_seat_display(), m.get_role_display())
            for i, m in enumerate(c["members"], 1)
        ],
        [1, 6, 5.5, 3.5],
    )
    para()
    para("ส่วนที่ 2 วิธีการติดตามและประเมินผล", bold=True, size=18)
    for line in report.method.splitlines():
        para(line, indent=True)
    done, total = c["checklist"]
    para(f"ผลการประเมินปัจจัยนำเข้าด้วยแบบที่ 1: มีการดำเนินงาน {done} จาก {total} ประเด็น", indent=True)

    para("ส่วนที่ 3 ผลการให้คะแนนยุทธศาสตร์และโครงการ", bold=True, size=18, page_break=True)
    for s in c["scores"]:
        verdict = "" if s.passed is None else (" ผ่านเกณฑ์" if s.passed else " ไม่ผ่านเกณฑ์")
        para(
            f"{s.template.name}: คะแนนเฉลี่ย {s.total if s.total is not None else '-'} จาก"
            f" {s.full:.0f} คะแนน (กรรมการ {s.members} คน){verdict}",
            indent=True,
        )
        table(
            ["ข้อ", "ประเด็นการพิจารณา", "เต็ม", "เฉลี่ย"],
            [
                (i.number, i.text, f"{i.max_points:g}", m if m is not None else "-")
                for i, m in s.items
            ],
            [1.4, 10.6, 1.5, 2.5],
        )
        para()

    para(f"ส่วนที่ 4 ผลการดำเนินงานประจำปีงบประมาณ พ.ศ.\u00a0{fy}", bold=True, size=18, page_break=True)
    for s in c["sentences"]:
        para(s, indent=True)
    y = c["year"]
    rows = [
        (
            f"{r.number}. {r.name}" if r.number else r.name,
            r.plan_n,
            r.budget_n,
            r.by_status[Status.DONE],
            r.by_status[Status.IN_PROGRESS],
            r.by_status[Status.NOT_STARTED],
            r.by_status[Status.CANCELLED],
            f"{r.disbursed:,.2f}",
        )
        for r in [*y.rows, y.total]
    ]
    table(
        [
            "ยุทธศาสตร์",
            "ในแผน",
            "ตั้งงบ",
            "แล้วเสร็จ",
            "ระหว่าง\nดำเนินการ",
            "ยังไม่\nดำเนินการ",
            "ยกเลิก",
            "เบิกจ่าย (บาท)",
        ],
        rows,
        [4.1, 1.4, 1.4, 1.4, 1.6, 1.6, 1.4, 3.1],
        total_last=True,
    )
    for title, chart in (
        ("สถานะโครงการตามยุทธศาสตร์", c["status_chart"]),
        ("การเบิกจ่ายสะสมเทียบแผนการดำเนินงาน", c["curve_chart"]),
    ):
        para(title, bold=True).paragraph_format.keep_with_next = True  # title with its chart
        d.picture(charts.png(chart), 16)  # the PDF's own drawing, as an image
    para()
    para("แบบที่ 3/1 ผลการดำเนินงานตามแผนยุทธศาสตร์", bold=True)
    f31 = c["form31"]
    table(
        ["ยุทธศาสตร์", "ในแผน", "ได้ปฏิบัติ", "ร้อยละ", "ตัวชี้วัดที่บรรลุ", "ความพึงพอใจ"],
        [
            (
                f"{r.strategy.number}. {r.strategy.name}" if r.strategy.number else r.strategy.name,
                r.strategy.plan_n,
                r.carried_out,
                r.carried_pct if r.carried_pct is not None else "-",
                f"{r.kpis_met}/{r.kpis_measured}" if r.kpis_measured else "-",
                r.satisfaction if r.satisfaction is not None else "-",
            )
            for r in [*f31.rows, f31.total]
        ],
        [5.5, 1.6, 1.8, 1.8, 2.5, 2.8],
        total_last=True,
    )

    para("ส่วนที่ 5 ผลการสำรวจความพึงพอใจ", bold=True, size=18, page_break=True)
    for s in c["surveys"]:
        if not s.respondents:
            continue
        para(
            f"{s.survey.template} — {s.survey.title}: ผู้ตอบ {s.respondents:,} คน"
            f" ค่าเฉลี่ยรวม {s.overall.mean} (S.D. {s.overall.sd or '-'}) {s.overall.band}",
            indent=True,
        )
        if s.by_strategy:  # แบบที่ 3/3: one line per strategy, as in the PDF
            table(
                ["ยุทธศาสตร์", "ค่าเฉลี่ย (0–10)", "S.D."],
                [(name, st.mean, st.sd or "-") for name, st in s.by_strategy],
                [11, 2.5, 2.5],
            )
        else:
            table(
                ["ข้อ", "ค่าเฉลี่ย", "S.D.", "ระดับ"],
                [
                    (f"{r.number}. {r.text}", r.stat.mean, r.stat.sd or "-", r.stat.band or "-")
                    for r in s.items
                ],
                [10, 2, 2, 2],
            )
        para()

    para("ส่วนที่ 6 ปัญหา อุปสรรค และข้อเสนอแนะ", bold=True, size=18)
    para("ปัญหาและอุปสรรค", bold=True)
    for line in (report.problems or "-").splitlines():
        para(line, indent=True)
    para("ข้อเสนอแนะ", bold=True)
    for line in (report.recommendations or "-").splitlines():
        para(line, indent=True)

    if emblem:
        d.picture(emblem, 2.2, page_break=True)
    para(f"ประกาศ{org.name}", bold=True, size=18, center=True, page_break=not emblem)
    para(
        f"เรื่อง รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น ประจำปีงบประมาณ พ.ศ.\u00a0{fy}",
        bold=True,
        center=True,
    )
    para("------------------------------", center=True)
    para(c["announcement"], indent=True)
    para("จึงประกาศมาเพื่อทราบโดยทั่วกัน", indent=True)
    para(
        "ประกาศ ณ วันที่"
        f" {thai_date(report.announced_on) if report.announced_on else '.......................'}",
        center=True,
    )
    for line in ("", *c["executive_signer"].lines()):
        para(line, signature=True)
    if c.get("photo_pages"):
        from reports.photo_pages import add_to_docx

        add_to_docx(d, c["photo_pages"])
    return d.bytes()


def announcement(c: dict) -> str:
    """The ประกาศ's body (PDF and DOCX alike); "พ.ศ. 2569" is held together (no-break space)."""
    org, fy = c["org"], c["fy"]
    t = c["year"].total
    return (
        "ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ.\u00a02548"
        " และที่แก้ไขเพิ่มเติม ข้อ 30 (5) กำหนดให้ผู้บริหารท้องถิ่นเสนอผลการติดตามและประเมินผลต่อสภาท้องถิ่น"
        " และคณะกรรมการพัฒนาท้องถิ่น พร้อมทั้งประกาศผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่นให้ประชาชนในท้องถิ่นทราบ"
        f" {org.name} จึงขอประกาศผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น ประจำปีงบประมาณ พ.ศ.\u00a0{fy}"
        f" โดยมีโครงการในแผนพัฒนาท้องถิ่น {t.plan_n:,} โครงการ ได้รับงบประมาณ {t.budget_n:,} โครงการ"
        f" ดำเนินการแล้วเสร็จ {t.by_status[Status.DONE]:,} โครงการ เบิกจ่ายงบประมาณ"
        f" {t.disbursed:,.2f} บาท รายละเอียดตามรายงานแนบท้ายประกาศนี้"
    )
