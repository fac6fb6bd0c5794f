"""Read a workbook or CSV into rows of cells, refusing what is not one (with a Thai message)."""

import csv
import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from python_calamine import CalamineWorkbook

MAX_ROWS = 50_000
MAX_CELL_CHARS = 5_000
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (BIFF in an OLE container)


class FileRefused(Exception):
    """The file as a whole cannot be read; the message is Thai and user-facing."""


@dataclass
class Table:
    sheet: str
    rows: list[list[object]]  # rows[0] is spreadsheet row 1


def read_tables(data: bytes, filename: str) -> dict[str, Table]:
    """{sheet name: Table}. CSV gives one sheet named after the file."""
    if not data:
        raise FileRefused("ไฟล์ว่าง ไม่มีข้อมูล")
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise FileRefused(f"ไฟล์ใหญ่เกิน {settings.IMPORT_MAX_BYTES // (1024 * 1024)} MB")
    name = filename.lower()
    if data[:4] == b"PK\x03\x04":
        return _read_workbook(data)
    if data[:8] == OLE_MAGIC:
        return _read_workbook(data, kind="xls")
    if name.endswith((".xlsx", ".xlsm", ".xls", ".ods")):
        raise FileRefused("ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้อง หรือไฟล์เสียหาย")
    if name.endswith((".csv", ".txt")):
        return _read_csv(data, filename)
    raise FileRefused("รองรับเฉพาะไฟล์ Excel (.xlsx, .xls), OpenDocument (.ods) หรือ CSV")


def _read_workbook(data: bytes, kind: str = "zip") -> dict[str, Table]:
    """.xlsx and .ods (zip, size-checked before unpacking) and .xls (OLE) through
    python-calamine."""
    try:
        if kind == "zip":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if sum(i.file_size for i in zf.infolist()) > MAX_UNZIPPED_BYTES:
                    raise FileRefused(
                        "ไฟล์ Excel มีข้อมูลเมื่อขยายแล้วใหญ่ผิดปกติ (อาจเป็น zip bomb) จึงไม่นำเข้า"
                    )
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        tables = {}
        for sheet_name in wb.sheet_names:
            rows = wb.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
            if len(rows) > MAX_ROWS:
                raise FileRefused(f"แผ่นงาน “{sheet_name}” มีมากกว่า {MAX_ROWS:,} แถว")
            tables[sheet_name] = Table(sheet_name, [list(r) for r in rows])
        return tables
    except FileRefused:
        raise
    except Exception as exc:
        raise FileRefused("อ่านไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ .xlsx") from exc


def _read_csv(data: bytes, filename: str) -> dict[str, Table]:
    for encoding in ("utf-8-sig", "cp874"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FileRefused("อ่านไฟล์ CSV ไม่ได้: ต้องเป็น UTF-8 หรือ TIS-620/Windows-874")
    if "\x00" in text:
        raise FileRefused("ไฟล์ CSV มีอักขระที่ไม่ถูกต้อง (อาจไม่ใช่ไฟล์ข้อความ)")
    rows = list(csv.reader(io.StringIO(text)))
    if len(rows) > MAX_ROWS:
        raise FileRefused(f"ไฟล์มีมากกว่า {MAX_ROWS:,} แถว")
    sheet = filename.rsplit("/", 1)[-1]
    return {sheet: Table(sheet, [list(r) for r in rows])}
