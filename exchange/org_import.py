"""The province's local governments from a file: รหัส อปท. (DLA, 7 digits) · ชื่อ · ประเภท
(อบจ./ทน./ทม./ทต./อบต.) · อำเภอ. All rows or none: any wrong row is named (Thai) and nothing is
written. An org already loaded with the same code is updated (name, district); its type changes
only through the recorded type change (OrgTypeChange), never silently by a re-import."""

from dataclasses import dataclass, field

import geothai
from django.db import transaction

from core.cells import looks_like_formula
from exchange.matching import norm
from exchange.plan_import import Problem
from exchange.tables import FileRefused, read_tables
from orgs.models import ORG_TYPE_SHORT, District, Organization, OrgType, Province

HEADERS = {
    "code": ("รหัส อปท.", "รหัสอปท.", "รหัส อปท", "รหัส", "รหัสหน่วยงาน"),
    "name": ("ชื่อ", "ชื่อ อปท.", "ชื่อหน่วยงาน", "ชื่อองค์กรปกครองส่วนท้องถิ่น"),
    "type": ("ประเภท", "ประเภท อปท.", "รูปแบบ"),
    "district": ("อำเภอ",),
}
LABELS = {"code": "รหัส อปท.", "name": "ชื่อ", "type": "ประเภท", "district": "อำเภอ"}
TYPES = {short: t for t, short in ORG_TYPE_SHORT.items() if t != OrgType.SPECIAL}
TYPES |= {t.label: t for t in OrgType if t != OrgType.SPECIAL}
TYPES |= {
    "อบจ": OrgType.PAO,
    "ทน": OrgType.CITY,
    "ทม": OrgType.TOWN,
    "ทต": OrgType.SUBDISTRICT,
    "อบต": OrgType.SAO,
}
NAME_PREFIX = {
    OrgType.PAO: "องค์การบริหารส่วนจังหวัด",
    OrgType.CITY: "เทศบาลนคร",
    OrgType.TOWN: "เทศบาลเมือง",
    OrgType.SUBDISTRICT: "เทศบาลตำบล",
    OrgType.SAO: "องค์การบริหารส่วนตำบล",
}


@dataclass
class OrgRow:
    row_no: int
    code: str
    name: str
    org_type: str
    district: str
    existing: Organization | None = None

    @property
    def type_short(self) -> str:
        return ORG_TYPE_SHORT[OrgType(self.org_type)]


@dataclass
class OrgImportReport:
    problems: list[Problem] = field(default_factory=list)
    rows: list[OrgRow] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def new(self) -> list[OrgRow]:
        return [r for r in self.rows if r.existing is None]

    @property
    def updated(self) -> list[OrgRow]:
        return [r for r in self.rows if r.existing is not None]

    def problem(self, sheet, row, column, message) -> None:
        self.problems.append(Problem(sheet, row, column, message))


def _district_name(text: str) -> str:
    text = text.strip()
    for prefix in ("อำเภอ", "อ."):
        if text.startswith(prefix):
            return text[len(prefix) :].strip()
    return text


def _header(rows) -> tuple[int, dict[str, int]] | None:
    for i, row in enumerate(rows[:15]):
        cells = [norm(c) for c in row]
        found = {}
        for key, names in HEADERS.items():
            for j, cell in enumerate(cells):
                if cell in names:
                    found[key] = j
                    break
        if "code" in found and "name" in found:
            return i, found
    return None


def import_orgs(*, province: Province, data: bytes, filename: str, commit: bool = True):
    report = OrgImportReport()
    try:
        tables = read_tables(data, filename)
    except FileRefused as exc:
        report.problem("", None, None, str(exc))
        return report
    found = next(((t, h) for t in tables.values() if (h := _header(t.rows))), None)
    if found is None:
        report.problem(
            next(iter(tables)),
            None,
            None,
            "ไม่พบหัวตาราง: ต้องมีคอลัมน์ “รหัส อปท.” “ชื่อ” “ประเภท” และ “อำเภอ” ภายใน 15 แถวแรก",
        )
        return report
    table, (header_idx, cols) = found
    for key in ("type", "district"):
        if key not in cols:
            report.problem(table.sheet, header_idx + 1, LABELS[key], "ไม่พบคอลัมน์นี้ในหัวตาราง")
    if report.problems:
        return report
    districts = {d.name_th for d in geothai.districts(province.code)}
    districts |= set(District.objects.filter(province=province).values_list("name", flat=True))
    existing = {
        o.code: o
        for o in Organization.objects.filter(
            code__in=[
                norm(r[cols["code"]]) for r in table.rows[header_idx + 1 :] if len(r) > cols["code"]
            ]
        )
    }
    pao = Organization.objects.filter(province=province, org_type=OrgType.PAO).first()
    seen: dict[str, int] = {}
    sheet = table.sheet
    for i, raw in enumerate(table.rows[header_idx + 1 :], start=header_idx + 2):
        cell = {k: norm(raw[j]) if j < len(raw) else "" for k, j in cols.items()}
        if not any(cell.values()):
            continue
        before = len(report.problems)
        code, name = cell["code"], cell["name"]
        type_text, district = cell["type"].replace(" ", ""), _district_name(cell["district"])
        if not (code.isdigit() and len(code) == 7):
            report.problem(sheet, i, LABELS["code"], f"“{code}” ไม่ใช่รหัส อปท. 7 หลัก")
        elif code in seen:
            report.problem(sheet, i, LABELS["code"], f"รหัส {code} ซ้ำกับแถวที่ {seen[code]}")
        else:
            seen[code] = i
        if not name:
            report.problem(sheet, i, LABELS["name"], "ไม่มีชื่อหน่วยงาน")
        elif len(name) > 200 or looks_like_formula(name):
            report.problem(sheet, i, LABELS["name"], "ชื่อหน่วยงานไม่ถูกต้อง (ยาวเกินหรือขึ้นต้นด้วย = + @)")
        org_type = TYPES.get(type_text) or TYPES.get(cell["type"])
        if org_type is None:
            report.problem(
                sheet,
                i,
                LABELS["type"],
                f"“{cell['type']}” ไม่ใช่ประเภท อปท. (ใช้ อบจ. ทน. ทม. ทต. หรือ อบต.)",
            )
        elif name and not name.startswith(NAME_PREFIX[org_type]):
            report.problem(
                sheet,
                i,
                LABELS["name"],
                f"ชื่อไม่ตรงกับประเภท {ORG_TYPE_SHORT[org_type]} (ควรขึ้นต้นด้วย"
                f" “{NAME_PREFIX[org_type]}”)",
            )
        if not district:
            report.problem(sheet, i, LABELS["district"], "ไม่มีชื่ออำเภอ")
        elif district not in districts:
            report.problem(sheet, i, LABELS["district"], f"ไม่พบอำเภอ“{district}” ใน{province}")
        old = existing.get(code)
        if old is not None and old.province_id != province.id:
            report.problem(sheet, i, LABELS["code"], f"รหัส {code} เป็นของ{old.name} ในจังหวัดอื่น")
        elif old is not None and org_type and old.org_type != org_type:
            report.problem(
                sheet,
                i,
                LABELS["type"],
                f"{old.name} บันทึกไว้เป็น {old.type_short}: การเปลี่ยนประเภทให้บันทึกที่เมนู “เปลี่ยนประเภท”"
                " พร้อมวันที่มีผล",
            )
        if org_type == OrgType.PAO and pao is not None and pao.code != code:
            report.problem(sheet, i, LABELS["type"], f"{province} มี อบจ. แล้ว (รหัส {pao.code})")
        if len(report.problems) == before and org_type is not None:  # None: a problem above
            report.rows.append(OrgRow(i, code, name, org_type, district, old))
    if len([r for r in report.rows if r.org_type == OrgType.PAO]) > 1:
        report.problem(sheet, None, LABELS["type"], "จังหวัดหนึ่งมี อบจ. ได้แห่งเดียว")
    if not report.rows and not report.problems:
        report.problem(sheet, None, None, "ไม่มีข้อมูล อปท. ใต้หัวตาราง")
    if report.problems:
        report.rows = []
        return report
    if commit:
        _write(province, report.rows)
        report.committed = True
    return report


@transaction.atomic
def _write(province: Province, rows: list[OrgRow]) -> None:
    from orgs.services import districts_sync

    districts_sync(province=province)
    by_name = {d.name: d for d in District.objects.filter(province=province)}
    for r in rows:
        district = by_name[r.district]
        if r.existing is None:
            org = Organization(
                code=r.code, name=r.name, org_type=r.org_type, province=province, district=district
            )
            org.full_clean()
            org.save()
        elif (r.existing.name, r.existing.district_id) != (r.name, district.id):
            r.existing.name, r.existing.district = r.name, district
            r.existing.save(update_fields=["name", "district"])
