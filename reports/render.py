"""PDF through WeasyPrint (Sarabun embedded from the vendored TTFs) and XLSX through openpyxl."""

import io
from collections.abc import Sequence

from django.conf import settings
from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from core.cells import put

FONT = "Sarabun"
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E6F2EF")
SUB_FILL = PatternFill("solid", fgColor="EEF3F8")
TOTAL_FILL = PatternFill("solid", fgColor="FFF6E0")
MONEY = '#,##0.00;-#,##0.00;"-"'
COUNT = '#,##0;-#,##0;"-"'


def pdf_bytes(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # imported lazily: slow to import (docs/performance.md)

    context = {**context, "font_dir": settings.FONT_DIR.as_uri()}
    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


class Sheet:
    """A small writer that keeps the official look consistent across workbooks."""

    def __init__(self, title: str):
        self.wb = Workbook()
        self.ws = self.wb.active
        self.ws.title = title[:31]
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = self.ws.PAPERSIZE_A4
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.row = 1

    def title(self, text: str, width: int, size: int = 14):
        put(self.ws, self.row, 1, text).font = Font(name=FONT, bold=True, size=size)
        self.ws.cell(self.row, 1).alignment = Alignment(horizontal="center")
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=width)
        self.row += 1

    def header(self, cells: list[str], *, lines: int = 2):
        """A header row tall enough for its wrapped labels (LibreOffice does not grow it)."""
        for col, text in enumerate(cells, 1):
            c = put(self.ws, self.row, col, text)
            c.font, c.fill, c.border = Font(name=FONT, bold=True), HEAD_FILL, BORDER
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.ws.row_dimensions[self.row].height = 16 * lines + 2
        if not self.ws.print_title_rows:  # repeat the first header on every printed page
            self.ws.print_title_rows = f"{self.row}:{self.row}"
        self.row += 1

    def band(self, text: str, width: int, *, fill=None, bold: bool = True):
        """A bold row spanning the table, e.g. the strategy/tactic/program heading of a block."""
        c = put(self.ws, self.row, 1, text)
        c.font = Font(name=FONT, bold=bold)
        if fill:
            c.fill = fill
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=width)
        self.row += 1

    def line(self, values: list, *, formats: dict[int, str] | None = None, fill=None, bold=False):
        for col, value in enumerate(values, 1):
            c = put(self.ws, self.row, col, value)  # text stays text, never a formula
            c.font, c.border = Font(name=FONT, bold=bold), BORDER
            c.alignment = Alignment(vertical="top", wrap_text=isinstance(value, str))
            if fill:
                c.fill = fill
            if formats and col in formats:
                c.number_format = formats[col]
        self.row += 1

    def widths(self, widths: Sequence[float]):
        for i, w in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = w

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        self.wb.save(buf)
        return buf.getvalue()


def docx_run(paragraph, text: str, *, size: float | None = None, bold: bool = False):
    """A run whose size and weight also apply to Thai: Word reads w:szCs/w:bCs for complex
    scripts."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    rpr = run._element.get_or_add_rPr()
    if size:
        run.font.size = Pt(size)
        szcs = rpr.makeelement(qn("w:szCs"), {qn("w:val"): str(int(size * 2))})
        rpr.append(szcs)
    if bold:
        run.bold = True
        rpr.append(rpr.makeelement(qn("w:bCs"), {}))
    return run


def _numeric(value) -> bool:
    text = str(value).replace(",", "").replace(".", "").replace("/", "").replace("-", "")
    return isinstance(value, int | float) or text.isdigit() or value == "-"


class ThaiDocx:
    """A DOCX in the official look: A4 portrait, TH SarabunPSK 16 pt (sizes and weight also set
    for Thai, which Word treats as a complex script), optional Thai digits, tables whose grid
    widths both Word and LibreOffice honour, numbers right-aligned."""

    def __init__(
        self, *, left=3.0, right=2.0, top=2.5, bottom=2.0, thai_digits=False, font="TH SarabunPSK"
    ):
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt

        from thai.digits import thai_digits as to_thai

        self.conv = to_thai if thai_digits else str
        self.doc = Document()
        sec = self.doc.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = (
            Cm(left),
            Cm(right),
            Cm(top),
            Cm(bottom),
        )
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = font, Pt(16)
        rpr = normal.element.get_or_add_rPr()
        rpr.rFonts.set(qn("w:cs"), font)
        rpr.rFonts.set(qn("w:eastAsia"), font)
        rpr.append(rpr.makeelement(qn("w:szCs"), {qn("w:val"): "32"}))
        normal.paragraph_format.space_after = Pt(0)

    def para(
        self,
        text="",
        *,
        bold=False,
        size=None,
        center=False,
        indent=False,
        page_break=False,
        signature=False,
    ):
        """A paragraph; indent = first-line 2.5 cm; signature = centred in the right half, kept
        together with the next line."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Cm

        p = self.doc.add_paragraph()
        if page_break:
            p.add_run().add_break(WD_BREAK.PAGE)
        if text:
            docx_run(p, self.conv(str(text)), size=size, bold=bold)
        if center or signature:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent:
            p.paragraph_format.first_line_indent = Cm(2.5)
        if signature:
            p.paragraph_format.left_indent = Cm(6)
            p.paragraph_format.keep_with_next = True
        return p

    def picture(self, path, width_cm: float, *, page_break=False):
        """An image (the org's emblem, a chart's PNG bytes) centred on its own line."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Cm

        p = self.doc.add_paragraph()
        if page_break:
            p.add_run().add_break(WD_BREAK.PAGE)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        source = io.BytesIO(path) if isinstance(path, bytes) else str(path)
        p.add_run().add_picture(source, width=Cm(width_cm))
        return p

    def table(self, head, rows, widths_cm, *, head_size=12, size=13, total_last=False):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        t = self.doc.add_table(rows=1, cols=len(head))
        t.style, t.autofit = "Table Grid", False
        for cell, h in zip(t.rows[0].cells, head, strict=True):
            cell.text = ""
            docx_run(cell.paragraphs[0], h, size=head_size, bold=True)
        for n, values in enumerate(rows):
            for i, (cell, v) in enumerate(zip(t.add_row().cells, values, strict=True)):
                text = f"{v:,}" if isinstance(v, int) else str(v)
                docx_run(
                    cell.paragraphs[0],
                    self.conv(text),
                    size=size,
                    bold=total_last and n == len(rows) - 1,
                )
                if i and _numeric(v):
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    _no_wrap(cell)  # 1,234,567.00 stays on one line (a total wraps otherwise)
        for column, w in zip(t.columns, widths_cm, strict=True):
            column.width = Cm(w)
            for cell in column.cells:
                cell.width = Cm(w)
        return t

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def _no_wrap(cell) -> None:
    from docx.oxml import OxmlElement

    props = cell._tc.get_or_add_tcPr()
    if props.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}noWrap") is None:
        props.append(OxmlElement("w:noWrap"))


def keep_blocks(rows: list, ends: int = 3) -> list[list]:
    """Rows of a long document table in blocks that are never split across pages (each becomes a
    ``<tbody class="keep">``): the first and the last ``ends`` rows stay together, so a page never
    opens or closes the table with a lone row; a short table stays whole."""
    if len(rows) <= 2 * ends:
        return [rows] if rows else []
    return [rows[:ends], *([r] for r in rows[ends:-ends]), rows[-ends:]]
