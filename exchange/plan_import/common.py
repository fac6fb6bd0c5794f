"""Pieces both layouts share: the strategy framework being built, text and program cells."""

import re
from dataclasses import dataclass, field

from core.cells import looks_like_formula
from exchange import matching as m
from exchange.plan_import.report import Problem, ProblemSink
from plans.models import Plan, Program, Strategy, Tactic

MAX_TEXT = 5000
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
STRATEGY_TEXT = re.compile(r"^(?:ยุทธศาสตร์(?:ที่)?\s*)?([0-9]+)\s*[.)]?\s*(.*)$")
TACTIC_TEXT = re.compile(
    r"^(?:(?:กลยุทธ์|แนวทางการพัฒนา|แนวทาง)(?:ที่)?\s*)?([0-9]+)\.([0-9]+)\s*[.)]?\s*(.*)$"
)


def strategy_name(rest: str) -> str:
    """'ยุทธศาสตร์การพัฒนาด้านการศึกษา' is kept as the book prints it."""
    return rest.strip(" .:")


def tactic_name(rest: str) -> str:
    return re.sub(r"^(?:กลยุทธ์|แนวทางการพัฒนา|แนวทาง)(?:ที่)?\s*[:：]?\s*", "", rest).strip(" .:")


@dataclass
class Framework:
    strategies: dict[int, str] = field(default_factory=dict)  # number → name
    tactics: dict[int, dict[int, str]] = field(default_factory=dict)  # strategy no → {no: name}
    new_strategies: set[int] = field(default_factory=set)
    new_tactics: set[tuple[int, int]] = field(default_factory=set)

    @classmethod
    def of(cls, plan: Plan | None) -> "Framework":
        fw = cls()
        if plan is not None:
            for s in Strategy.objects.filter(plan=plan):
                fw.strategies[s.number] = s.name
            for t in Tactic.objects.filter(strategy__plan=plan).select_related("strategy"):
                fw.tactics.setdefault(t.strategy.number, {})[t.number] = t.name
        return fw

    def declare_strategy(self, number: int, name: str, report, sheet, row, column) -> bool:
        """A strategy named in the book ('1. ยุทธศาสตร์…'): new ones are created, known ones must
        carry the same name (compared after NFKC and format-character removal)."""
        known = self.strategies.get(number)
        if known is None:
            self.strategies[number] = name
            self.new_strategies.add(number)
            return True
        if name and m.name_key(known) != m.name_key(name) and not _same_strategy(known, name):
            report.problem(
                sheet, row, column, f"ยุทธศาสตร์ที่ {number} ในแผนชื่อ “{known}” ไม่ตรงกับในไฟล์ “{name}”"
            )
            return False
        return True

    def declare_tactic(self, s_no: int, t_no: int, name: str, report, sheet, row, column) -> bool:
        tactics = self.tactics.setdefault(s_no, {})
        if t_no not in tactics:
            tactics[t_no] = name
            self.new_tactics.add((s_no, t_no))
            return True
        if name and m.name_key(tactics[t_no]) != m.name_key(name):
            report.problem(
                sheet,
                row,
                column,
                f"กลยุทธ์ที่ {s_no}.{t_no} ในแผนชื่อ “{tactics[t_no]}” ไม่ตรงกับในไฟล์ “{name}”",
            )
            return False
        return True

    def strategy_by_cell(self, cell, report=None, sheet="", row=None, column="") -> int | None:
        """A number, 'ยุทธศาสตร์ที่ 2', a known name, or '1. ยุทธศาสตร์…' (created when new)."""
        text = m.norm(cell)
        found = STRATEGY_TEXT.match(text)
        if found:
            number, rest = int(found.group(1)), strategy_name(found.group(2))
            if number in self.strategies:
                if rest and report is not None:
                    self.declare_strategy(number, rest, report, sheet, row, column)
                return number
            if rest and report is not None and not TACTIC_TEXT.match(text):
                self.declare_strategy(number, rest, report, sheet, row, column)
                return number
            return None
        key = m.name_key(text)
        for no, name in self.strategies.items():
            if _same_strategy(name, text) or m.name_key(name).endswith(key) and len(key) > 8:
                return no
        return None

    def tactic_by_cell(
        self, strategy_no: int, cell, report=None, sheet="", row=None, column=""
    ) -> tuple | None | bool:
        """(strategy no, tactic no), None for blank, False when unknown."""
        text = m.norm(cell)
        if not text:
            return None
        tactics = self.tactics.get(strategy_no, {})
        found = TACTIC_TEXT.match(text)
        if found and int(found.group(1)) == strategy_no:
            t_no, rest = int(found.group(2)), tactic_name(found.group(3))
            if t_no in tactics or (rest and report is not None):
                if rest and report is not None:
                    self.declare_tactic(strategy_no, t_no, rest, report, sheet, row, column)
                return (strategy_no, t_no)
            return False
        cell_s, cell_t = m.tactic_numbers(cell)
        if cell_t is not None and (cell_s in (None, strategy_no)) and cell_t in tactics:
            return (strategy_no, cell_t)
        key = m.name_key(tactic_name(re.sub(r"^[0-9.]+\s*", "", text)))
        for no, name in tactics.items():
            if m.name_key(name) == key:
                return (strategy_no, no)
        return False


def _same_strategy(a: str, b: str) -> bool:
    strip = lambda t: m.name_key(re.sub(r"^ยุทธศาสตร์(?:การพัฒนา)?", "", m.norm(t)))  # noqa: E731
    return strip(a) == strip(b)


def text_cell(report: ProblemSink, sheet, row_no, column, value, limit=MAX_TEXT) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "" if value is None else m.clean(str(value)).strip()
    if len(text) > limit:
        report.problem(sheet, row_no, column, f"ข้อความยาวเกิน {limit:,} ตัวอักษร")
        return text[:limit]
    if looks_like_formula(text):  # a spreadsheet would run it when exported again
        report.problem(
            sheet,
            row_no,
            column,
            "ข้อความขึ้นต้นด้วย = + @ อาจเป็นสูตรคำนวณ ไม่รับเข้าระบบ (ลบเครื่องหมายนำหน้าออก)",
        )
        return ""
    if CONTROL.search(text):
        report.problem(sheet, row_no, column, "มีอักขระควบคุมที่มองไม่เห็น (ไฟล์อาจเสียหาย)")
        return ""
    return text


class Programs:
    """The 12 standard แผนงาน, matched tolerantly; each mapping made is remembered for the
    preview."""

    def __init__(self, choices: dict[str, str] | None = None):
        self.all = list(Program.objects.all())
        self.by_code = {p.code: p for p in self.all}
        self.choices = {m.name_key(k): v for k, v in (choices or {}).items()}
        self.mapped: dict[str, Program] = {}  # cell text → program, when not the exact name
        self.ambiguous: dict[str, list[Program]] = {}

    def find(self, cell, report, sheet, row, column="แผนงาน") -> Program | None:
        text = m.norm(cell)
        if text in self.by_code:
            return self.by_code[text]
        chosen = self.choices.get(m.name_key(text))
        if chosen in self.by_code:
            return self.by_code[chosen]
        program, candidates = m.program_match(text, self.all)
        if program is not None:
            if m.name_key(program.name) != m.name_key(text) and text not in self.mapped:
                self.mapped[text] = program
                report.warn(sheet, row, column, f"อ่าน “{text}” เป็น “{program.name}”")
            return program
        if candidates:
            self.ambiguous[text] = candidates
            names = " หรือ ".join(f"“{p.name}”" for p in candidates)
            report.problems.append(
                Problem(
                    sheet,
                    row,
                    column,
                    f"แผนงาน “{text}” ตรงกับได้หลายแผนงาน: {names} กรุณาเลือกแผนงานที่ถูกต้อง",
                    "program",
                )
            )
            report.ambiguous[text] = candidates
            return None
        report.problem(
            sheet,
            row,
            column,
            f"ไม่รู้จักแผนงาน “{text}” (ต้องเป็นหนึ่งใน 12 แผนงานมาตรฐาน เช่น แผนงานอุตสาหกรรมและการโยธา)",
        )
        return None
