"""The evidence an ITA assessor asks for with each published item, as DOCX from the org's details
(official look: TH Sarabun New 16 pt, the emblem, ที่/วันที่ in the Buddhist era with Thai digits;
the item's code and its link stay as the assessment system and a browser read them):

* บันทึกข้อความ — the planning division reports the document to the executive, who signs that
  he or she has read it and allows its publication on the org's website;
* แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ — the public-disclosure form: what, when, the
  stable link, who gave the information, who approved it, who put it on the website."""

import datetime as dt

from orgs.models import Division, Organization
from reports import render, signatures
from reports.models import ItaItem
from thai.dates import be_year, thai_date
from thai.digits import thai_digits as td

DOTS = "........................................"
KINDS = {"memo": "บันทึกข้อความ", "disclosure": "แบบฟอร์มการเผยแพร่ข้อมูล"}


def _division(org: Organization) -> str:
    d = (
        Division.objects.filter(pk=org.planning_division_id).first()
        if org.planning_division_id
        else None
    )
    return d.name if d else "กองยุทธศาสตร์และงบประมาณ"


def _subject(item: ItaItem, fy: int) -> str:
    return f"{td(item.name)} ประจำปีงบประมาณ พ.ศ.\u00a0{td(fy)} (ITA ข้อ {item.code})"


def memo(org: Organization, fy: int, item: ItaItem, url: str, today: dt.date) -> bytes:
    d = render.ThaiDocx(
        left=3.0, right=2.0, top=1.5, bottom=2.0, thai_digits=False, font="TH Sarabun New"
    )
    para = d.para
    emblem = signatures.emblem_path(org)
    if emblem:
        p = d.picture(emblem, 1.5)
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    para("บันทึกข้อความ", bold=True, size=29, center=True)
    para(f"ส่วนราชการ  {_division(org)} {org.name}")
    para(f"ที่  {DOTS[:20]}/{td(be_year(today.year))}                    วันที่  {td(thai_date(today))}")
    para(f"เรื่อง  ขออนุญาตเผยแพร่{_subject(item, fy)}")
    para(f"เรียน  {org.executive_position}")
    para(
        f"ตามที่{org.name} มีหน้าที่เปิดเผยข้อมูลต่อสาธารณะตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) "
        f"ของการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ข้อ {item.code} "
        f"{td(item.name)} นั้น",
        indent=True,
    )
    para(
        f"บัดนี้ {_division(org)} ได้จัดทำ{_subject(item, fy)} เสร็จเรียบร้อยแล้ว "
        "รายละเอียดตามเอกสารที่แนบมาพร้อมนี้ เพื่อให้การเปิดเผยข้อมูลเป็นไปตามหลักเกณฑ์ "
        f"จึงขออนุญาตนำเอกสารดังกล่าวเผยแพร่บนเว็บไซต์ของ{org.name}"
        + (f" ({org.website})" if org.website else "")
        + f" ที่ลิงก์ {url}",
        indent=True,
    )
    para("จึงเรียนมาเพื่อโปรดทราบและพิจารณาอนุญาต", indent=True)
    reporter = signatures.reporter(org)
    for line in ("", f"(ลงชื่อ){DOTS}", f"({reporter.name or DOTS})", reporter.title):
        para(line, signature=True)
    para(f"ความเห็นของ{org.executive_position}", bold=True)
    para("☐ ทราบ และอนุญาตให้เผยแพร่บนเว็บไซต์ของหน่วยงาน", indent=True)
    para(
        "☐ อื่น ๆ ..........................................................................",
        indent=True,
    )
    executive = signatures.executive(org)
    for line in (
        "",
        f"(ลงชื่อ){DOTS}",
        f"({executive.name or DOTS})",
        executive.title,
        "วันที่ ........ เดือน .................... พ.ศ. ............",
    ):
        para(line, signature=True)
    return d.bytes()


def disclosure(org: Organization, fy: int, item: ItaItem, url: str, today: dt.date) -> bytes:
    d = render.ThaiDocx(
        left=2.5, right=2.0, top=2.0, bottom=2.0, thai_digits=False, font="TH Sarabun New"
    )
    para = d.para
    emblem = signatures.emblem_path(org)
    if emblem:
        d.picture(emblem, 2.5)
    para("แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน", bold=True, size=18, center=True)
    para(org.heading, bold=True, center=True)
    para(
        "ตามประกาศสำนักงาน ป.ป.ช. เรื่องการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
        size=14,
        center=True,
    )
    para("")
    d.table(
        ["รายการ", "รายละเอียด"],
        [
            ("ชื่อหน่วยงาน", f"{_division(org)} {org.name}"),
            ("วัน/เดือน/ปี", td(thai_date(today))),
            ("หัวข้อ", f"ข้อ {item.code} {td(item.name)}"),
            ("รายละเอียดข้อมูล (โดยสรุป)", _subject(item, fy)),
            ("ลิงก์ภายนอก (Link)", url),
            ("หมายเหตุ", f"แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) ปีงบประมาณ พ.ศ.\u00a0{td(fy)}"),
        ],
        [5, 11.5],
        size=15,
        head_size=15,
    )
    reporter, executive = signatures.reporter(org), signatures.executive(org)
    blocks = [
        ("ผู้รับผิดชอบการให้ข้อมูล", reporter.name, reporter.title),
        ("ผู้อนุมัติรับรอง", executive.name, executive.title),
        ("ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่", "", "เจ้าหน้าที่ผู้ดูแลเว็บไซต์"),
    ]
    for role, name, title in blocks:
        para("")
        para(role, bold=True, signature=True)
        for line in (
            f"(ลงชื่อ){DOTS}",
            f"({name or DOTS})",
            f"ตำแหน่ง {title}",
            "วันที่ ........ เดือน .................... พ.ศ. ............",
        ):
            para(line, signature=True)
    return d.bytes()


def evidence(org: Organization, fy: int, item: ItaItem, kind: str, url: str, today: dt.date):
    """(file name, content type, bytes) of one evidence document of an ITA item."""
    from reports.monitoring_docs import DOCX

    make = memo if kind == "memo" else disclosure
    return f"{KINDS[kind]}-{item.code}-{org.code}-{fy}.docx", DOCX, make(org, fy, item, url, today)
