"""แบบที่ 2 (PDF/XLSX) and the 6-month report (รายงานการกำกับติดตามการดำเนินงานรอบ 6 เดือน, PDF/DOCX)."""

from monitoring.models import REPORT_PERIODS, PeriodKind, PeriodReport, Status
from monitoring.queries import Form2, form2
from orgs.models import Organization
from reports import render, signatures

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _text(org, fy, kind, number) -> PeriodReport | None:
    return PeriodReport.objects.filter(org=org, fiscal_year=fy, kind=kind, number=number).first()


def form2_document(
    org: Organization,
    fy: int,
    code: str,
    fmt: str,
    *,
    decimals=2,
    mode="round",
    thai_digits=False,
    photos=False,
):
    kind, number, month, label = REPORT_PERIODS[code]
    report = form2(org, fy, month, decimals=decimals, mode=mode)
    text = _text(org, fy, kind, number)
    name = f"แบบที่2-{org.code}-{fy}-{code}"
    if fmt == "pdf":
        ctx = {
            "org": org,
            "fy": fy,
            "period_label": label,
            "report": report,
            "text": text,
            "statuses": Status.choices,
            "td": thai_digits,
        }
        if photos:  # a photo page per work completed (reports.photo_pages)
            from reports.photo_pages import completed_works_photos

            ctx["photo_pages"] = completed_works_photos(org, fy)
        return f"{name}.pdf", PDF, render.pdf_bytes("reports/form2.html", ctx)
    return f"{name}.xlsx", XLSX, _form2_xlsx(report, label, text)


def _form2_xlsx(report: Form2, label: str, text: PeriodReport | None) -> bytes:
    statuses = Status.choices
    width = 7 + 2 * len(statuses)
    sheet = render.Sheet("แบบที่ 2")
    sheet.title("แบบที่ 2 แบบติดตามผลการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น", width)
    sheet.title(f"{report.org.heading} · {label} ปีงบประมาณ พ.ศ.\u00a0{report.fy}", width, 12)
    sheet.band("2.1 จำนวนโครงการ (ร้อยละของโครงการในแผน / ร้อยละของโครงการที่ตั้งงบประมาณ)", width)
    head = ["ยุทธศาสตร์", "โครงการในแผน", "งบประมาณตามแผน (บาท)", "ตั้งงบประมาณ", "ร้อยละของแผน"]
    for _, lab in statuses:
        head += [lab, f"ร้อยละ ({lab})"]
    head += ["โครงการเพิ่มเติม", "ร้อยละ"]
    sheet.header(head, lines=3)
    pct = "0." + "0" * report.decimals if report.decimals else "0"
    fmts = {2: render.COUNT, 3: render.MONEY, 4: render.COUNT, 5: pct}
    for i in range(len(statuses)):
        fmts[6 + 2 * i], fmts[7 + 2 * i] = render.COUNT, pct
    fmts[width - 1], fmts[width] = render.COUNT, pct
    for r, is_total in [*((r, False) for r in report.rows), (report.total, True)]:
        values = [_label(r), r.plan_n, r.plan_amount, r.budget_n, r.budget_pct]
        for v, _ in statuses:
            values += [r.by_status[v], r.status_pct[v]]
        values += [r.added_n, r.added_pct]
        sheet.line(
            values, formats=fmts, fill=render.TOTAL_FILL if is_total else None, bold=is_total
        )
    sheet.row += 1
    sheet.band("2.2 งบประมาณ การลงนามสัญญา และการเบิกจ่าย (ร้อยละของงบประมาณที่ตั้งไว้)", width)
    sheet.header(
        ["ยุทธศาสตร์", "งบประมาณที่ตั้งไว้ (บาท)", "ลงนามสัญญา (บาท)", "ร้อยละ", "เบิกจ่าย (บาท)", "ร้อยละ"]
    )
    mf = {2: render.MONEY, 3: render.MONEY, 4: pct, 5: render.MONEY, 6: pct}
    for r, is_total in [*((r, False) for r in report.rows), (report.total, True)]:
        sheet.line(
            [_label(r), r.budget, r.contracted, r.contracted_pct, r.disbursed, r.disbursed_pct],
            formats=mf,
            fill=render.TOTAL_FILL if is_total else None,
            bold=is_total,
        )
    sheet.row += 1
    sheet.band("ส่วนที่ 3 โครงการที่ได้รับเงินอุดหนุนเฉพาะกิจ", width)
    sheet.header(["ที่", "โครงการ", "สถานะ", "งบประมาณที่ได้รับ (บาท)", "เบิกจ่าย (บาท)", "คงเหลือ (บาท)"])
    for i, s in enumerate(report.subsidy, 1):
        sheet.line(
            [i, s.name, Status(s.status).label, s.received, s.disbursed, s.remaining],
            formats={4: render.MONEY, 5: render.MONEY, 6: render.MONEY},
        )
    sheet.row += 1
    sheet.band("ส่วนที่ 4 ปัญหาและอุปสรรค", width)
    for name, problem in report.problems:
        sheet.band(f"- {name}: {problem}", width, bold=False)
    if text:
        for line in text.problems.splitlines():
            sheet.band(line, width, bold=False)
        sheet.band("ข้อเสนอแนะ", width)
        for line in text.suggestions.splitlines():
            sheet.band(line, width, bold=False)
    sheet.widths([44, 12, 16, 12, 10] + [12, 10] * len(statuses) + [12, 10])
    return sheet.bytes()


def _label(r) -> str:
    return f"{r.number}. {r.name}" if r.number else r.name


# -- รายงานรอบ 6 เดือน ----------------------------------------------------------------------------


def summary_sentences(report: Form2) -> list[str]:
    """The paragraph real 6-month reports open with, with each percentage's base stated."""
    t = report.total
    pct = lambda v: "-" if v is None else f"{v:,}"  # noqa: E731
    s = t.by_status
    p = t.status_pct
    return [
        f"โครงการตามแผนพัฒนาท้องถิ่นสำหรับปีงบประมาณ พ.ศ.\u00a0{report.fy} จำนวน {t.plan_n:,} โครงการ"
        f" ได้รับอนุมัติงบประมาณ {t.budget_n:,} โครงการ คิดเป็นร้อยละ {pct(t.budget_pct)}"
        " ของโครงการในแผน",
        f"ในจำนวนโครงการที่ได้รับอนุมัติงบประมาณ ดำเนินการแล้วเสร็จ {s[Status.DONE]:,} โครงการ"
        f" (ร้อยละ {pct(p[Status.DONE])}) อยู่ระหว่างดำเนินการ {s[Status.IN_PROGRESS]:,} โครงการ"
        f" (ร้อยละ {pct(p[Status.IN_PROGRESS])}) ยังไม่ได้ดำเนินการ {s[Status.NOT_STARTED]:,} โครงการ"
        f" (ร้อยละ {pct(p[Status.NOT_STARTED])}) และยกเลิก {s[Status.CANCELLED]:,} โครงการ"
        f" (ร้อยละ {pct(p[Status.CANCELLED])})",
        f"งบประมาณที่ตั้งไว้ {t.budget:,.2f} บาท ลงนามสัญญาแล้ว {t.contracted:,.2f} บาท"
        f" (ร้อยละ {pct(t.contracted_pct)}) เบิกจ่ายแล้ว {t.disbursed:,.2f} บาท"
        f" (ร้อยละ {pct(t.disbursed_pct)} ของงบประมาณที่ตั้งไว้)",
    ]


def six_month_document(
    org: Organization, fy: int, fmt: str, *, decimals=2, mode="round", thai_digits=False
):
    report = form2(org, fy, 6, decimals=decimals, mode=mode)
    text = _text(org, fy, PeriodKind.HALF, 1)
    title = "รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน"
    period = f"ประจำปีงบประมาณ พ.ศ.\u00a0{fy} (1 ตุลาคม {fy - 1} – 31 มีนาคม {fy})"
    sentences = summary_sentences(report)
    name = f"รายงานรอบ6เดือน-{org.code}-{fy}"
    if fmt == "pdf":
        ctx = {
            "org": org,
            "fy": fy,
            "title": title,
            "period": period,
            "report": report,
            "sentences": sentences,
            "text": text,
            "statuses": Status.choices,
            "td": thai_digits,
            **signatures.context(org),
        }
        return f"{name}.pdf", PDF, render.pdf_bytes("reports/six_month.html", ctx)
    return (
        f"{name}.docx",
        DOCX,
        _six_month_docx(org, report, title, period, sentences, text, thai_digits),
    )


def _six_month_docx(org, report: Form2, title, period, sentences, text, td: bool) -> bytes:
    d = render.ThaiDocx(left=2.5, right=2.5, thai_digits=td)
    para = d.para

    para(title, bold=True, center=True, size=18)
    para(period, bold=True, center=True)
    para(org.heading, bold=True, center=True)
    para("")
    para("1. ผลการดำเนินงานตามแผนพัฒนาท้องถิ่น", bold=True)
    for s in sentences:
        para(s, indent=True)
    para("")
    para("2. ผลการดำเนินงานจำแนกตามยุทธศาสตร์", bold=True)
    head = [
        "ยุทธศาสตร์",
        "ในแผน",
        "ตั้งงบ",
        "แล้วเสร็จ",
        "ระหว่าง\nดำเนินการ",
        "ยังไม่\nดำเนินการ",
        "ยกเลิก",
        "เบิกจ่าย (บาท)",
    ]
    rows = [
        (
            _label(r),
            r.plan_n,
            r.budget_n,
            r.by_status[Status.DONE],
            r.by_status[Status.IN_PROGRESS],
            r.by_status[Status.NOT_STARTED],
            r.by_status[Status.CANCELLED],
            f"{r.disbursed:,.2f}",
        )
        for r in [*report.rows, report.total]
    ]
    d.table(head, rows, [3.9] + [1.5] * 6 + [3.1], head_size=11, size=14, total_last=True)
    para("")
    para("3. โครงการที่ได้รับเงินอุดหนุนเฉพาะกิจ", bold=True)
    if report.subsidy:
        for i, s in enumerate(report.subsidy, 1):
            para(
                f"{i}) {s.name} ได้รับ {s.received:,.2f} บาท เบิกจ่าย {s.disbursed:,.2f} บาท"
                f" คงเหลือ {s.remaining:,.2f} บาท ({Status(s.status).label})",
                indent=True,
            )
    else:
        para("ไม่มีโครงการที่ได้รับเงินอุดหนุนเฉพาะกิจ", indent=True)
    para("")
    para("4. ปัญหาและอุปสรรค", bold=True)
    for name, problem in report.problems:
        para(f"- {name}: {problem}", indent=True)
    for line in (text.problems if text else "").splitlines() or ([] if report.problems else ["-"]):
        para(line, indent=True)
    para("")
    para("5. ข้อเสนอแนะ", bold=True)
    for line in (text.suggestions if text else "").splitlines() or ["-"]:
        para(line, indent=True)
    para("")
    para("")
    for line in (*signatures.reporter(org).lines(), "", *signatures.executive(org).lines()):
        para(line, signature=True)  # the two signatures stay on one page
    return d.bytes()
