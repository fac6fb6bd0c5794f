"""The province's orgs from a file: preview, all-or-nothing, Thai errors by row; import_orgs."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from exchange.org_import import import_orgs
from orgs.models import AuditEntry, District, Organization, OrgType, Province

pytestmark = pytest.mark.django_db

HEAD = ["รหัส อปท.", "ชื่อ", "ประเภท", "อำเภอ"]
ROWS = [
    ["6300401", "เทศบาลตำบลหนองบัวลาย", "ทต.", "บัวลาย"],
    ["6300402", "องค์การบริหารส่วนตำบลเมืองพะไล", "อบต.", "อำเภอบัวลาย"],
    ["6300403", "เทศบาลเมืองเมืองคง", "ทม.", "คง"],
]


def csv_bytes(rows, head=HEAD) -> bytes:
    import csv

    buf = io.StringIO()
    csv.writer(buf).writerows([head, *rows])
    return buf.getvalue().encode()


def xlsx_bytes(rows) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(HEAD)
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_it_loads_every_row_with_districts_from_geothai(cast):
    report = import_orgs(province=cast.pao.province, data=xlsx_bytes(ROWS), filename="อปท.xlsx")
    assert report.ok and report.committed and len(report.new) == 3
    pha = Organization.objects.get(code="6300402")
    assert (pha.org_type, pha.district.name) == (OrgType.SAO, "บัวลาย")
    assert District.objects.get(province=cast.pao.province, name="คง").code == "3004"
    assert AuditEntry.objects.filter(model="orgs.Organization", object_id=str(pha.pk)).exists()


def test_one_wrong_row_refuses_the_file_naming_the_row(cast):
    rows = [
        *ROWS,
        ["63004", "เทศบาลตำบลผิด", "ทต.", "ไม่มีอำเภอนี้"],
        ["6300405", "องค์การบริหารส่วนตำบลดี", "เทศบาล", "คง"],
    ]
    before = Organization.objects.count()
    report = import_orgs(province=cast.pao.province, data=csv_bytes(rows), filename="อปท.csv")
    assert not report.ok and not report.committed
    text = [str(p) for p in report.problems]
    assert "แถวที่ 5 คอลัมน์ “รหัส อปท.”: “63004” ไม่ใช่รหัส อปท. 7 หลัก" in text[0]
    assert any("แถวที่ 5" in t and "อำเภอ" in t and "ไม่มีอำเภอนี้" in t for t in text)
    assert any("แถวที่ 6" in t and "ประเภท" in t for t in text)
    assert Organization.objects.count() == before


def test_duplicates_foreign_codes_and_a_silent_type_change_are_refused(cast):
    rows = [
        ROWS[0],
        ROWS[0],
        ["3100101", "เทศบาลเมืองบุรีรัมย์", "ทม.", "คง"],
        ["6300301", "เทศบาลตำบลกระเบื้องใหญ่", "ทต.", "พิมาย"],
        ["6300999", "องค์การบริหารส่วนจังหวัดนครราชสีมา", "อบจ.", "เมืองนครราชสีมา"],
        ["=HYPERLINK(1)", "=cmd", "อบต.", "คง"],
    ]
    report = import_orgs(province=cast.pao.province, data=csv_bytes(rows), filename="x.csv")
    text = " | ".join(str(p) for p in report.problems)
    assert "ซ้ำกับแถวที่ 2" in text and "ในจังหวัดอื่น" in text
    assert "เปลี่ยนประเภท" in text and "มี อบจ. แล้ว" in text and "ขึ้นต้นด้วย = + @" in text
    assert not Organization.objects.filter(code="6300401").exists()


def test_a_reimport_updates_names_and_districts_without_duplicates(cast):
    import_orgs(province=cast.pao.province, data=csv_bytes(ROWS), filename="a.csv")
    renamed = [["6300401", "เทศบาลตำบลหนองบัวลายใหม่", "ทต.", "คง"], *ROWS[1:]]
    report = import_orgs(province=cast.pao.province, data=csv_bytes(renamed), filename="a.csv")
    assert report.ok and len(report.updated) == 3 and not report.new
    org = Organization.objects.get(code="6300401")
    assert (org.name, org.district.name) == ("เทศบาลตำบลหนองบัวลายใหม่", "คง")


def test_missing_columns_and_empty_files_get_a_thai_message(cast):
    r = import_orgs(
        province=cast.pao.province,
        data=csv_bytes(ROWS, ["รหัส อปท.", "ชื่อ", "x", "y"]),
        filename="a.csv",
    )
    assert "“ประเภท”" in str(r.problems[0]) and "ไม่พบคอลัมน์" in str(r.problems[0])
    assert "ไฟล์ว่าง" in str(
        import_orgs(province=cast.pao.province, data=b"", filename="a.csv").problems[0]
    )


def test_the_web_import_previews_then_writes_only_on_confirm(client, cast):
    client.force_login(cast.pat)
    url = reverse("exchange:orgs_import", args=[cast.pao.code])
    bad = io.BytesIO(csv_bytes([*ROWS, ["6300404", "", "ทต.", "คง"]]))
    bad.name = "อปท.csv"
    r = client.post(url, {"file": bad})
    html = r.content.decode()
    assert 'id="import-errors"' in html and "ไม่มีชื่อหน่วยงาน" in html
    good = io.BytesIO(csv_bytes(ROWS))
    good.name = "อปท.csv"
    r = client.post(url, {"file": good})
    assert "พร้อมนำเข้า <strong>3</strong>" in r.content.decode()
    assert not Organization.objects.filter(code="6300401").exists()
    token = r.context["token"]
    r = client.post(reverse("exchange:orgs_import_commit", args=[cast.pao.code, token]))
    assert (
        r.status_code == 302 and Organization.objects.filter(code__startswith="63004").count() == 3
    )
    entry = AuditEntry.objects.filter(model="orgs.Organization").last()
    assert entry.user == cast.pat


def test_only_the_province_unit_imports(client, cast):
    client.force_login(cast.alice)
    assert client.get(reverse("exchange:orgs_import", args=[cast.a.code])).status_code == 403
    client.force_login(cast.olga)
    assert client.get(reverse("exchange:orgs_import", args=[cast.pao.code])).status_code == 404


def test_the_command_imports_all_or_nothing_and_creates_the_province(tmp_path, db):
    path = tmp_path / "orgs.csv"
    rows = [
        ["3400001", "องค์การบริหารส่วนจังหวัดอุบลราชธานี", "อบจ.", "เมืองอุบลราชธานี"],
        ["3400101", "เทศบาลนครอุบลราชธานี", "ทน.", "เมืองอุบลราชธานี"],
        ["3400102", "เทศบาลเมืองวารินชำราบ", "ทม.", "วารินชำราบ"],
    ]
    path.write_bytes(csv_bytes([*rows, ["3400103", "เทศบาลตำบลผิด", "ทต.", "ไม่มี"]]))
    with pytest.raises(CommandError, match="ไม่มีข้อมูลใดถูกบันทึก"):
        call_command("import_orgs", str(path), "--province", "34")
    assert not Province.objects.filter(code="34").exists()
    path.write_bytes(csv_bytes(rows))
    out = io.StringIO()
    call_command("import_orgs", str(path), "--province", "34", stdout=out)
    assert "นำเข้าแล้ว 3 แห่ง ในจังหวัดอุบลราชธานี" in out.getvalue()
    assert Organization.objects.get(code="3400001").is_provincial_unit
    assert District.objects.filter(province__code="34").count() == 25
    entry = AuditEntry.objects.filter(model="orgs.Organization").last()
    assert entry.actor == "ระบบ (คำสั่ง import_orgs)"
    with pytest.raises(CommandError, match="ไม่พบจังหวัด"):
        call_command("import_orgs", str(path), "--province", "99")
