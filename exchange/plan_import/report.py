"""What an import found: the rows, the editions, the problems that stop it, the warnings and the
differences with the book's own printed totals that the officer reviews before confirming."""

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from plans.models import Edition, Plan, Program, Project
from thai.money import baht


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str | None
    message: str
    kind: str = ""  # "program": a แผนงาน that fits several, answered by choosing one

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(f"แผ่นงาน “{self.sheet}”")
        if self.row:
            where.append(f"แถวที่ {self.row}")
        if self.column:
            where.append(f"คอลัมน์ “{self.column}”")
        return (" ".join(where) + ": " if where else "") + self.message


@dataclass
class Difference:
    """A printed total that the project rows do not reproduce."""

    sheet: str
    row: int
    what: str  # e.g. "รวมงบประมาณ", "ยุทธศาสตร์ที่ 1 แผนงานการศึกษา"
    year: int | None
    printed_count: int | None
    counted_count: int | None
    printed_amount: Decimal | None
    counted_amount: Decimal | None

    def __str__(self) -> str:
        def side(count, amount):
            parts = []
            if count is not None:
                parts.append(f"{count:,} โครงการ")
            if amount is not None:
                parts.append(f"{baht(amount, decimals=0 if amount == int(amount) else 2)} บาท")
            return " ".join(parts)

        year = f" ปี {self.year}" if self.year else ""
        return (
            f"แผ่นงาน “{self.sheet}” แถวที่ {self.row} ({self.what}{year}) พิมพ์ว่า "
            f"{side(self.printed_count, self.printed_amount)} แต่รายการรวมได้ "
            f"{side(self.counted_count, self.counted_amount)}"
        )


@dataclass
class ParsedRow:
    row_no: int
    strategy_no: int
    tactic: tuple | None
    # None only under a แผนงาน row that could not be read: the report then has a problem and is
    # never written
    program: Program | None
    name: str
    objective: str
    target: str
    kpi: str
    expected_result: str
    unit: str
    form: str
    location: str
    edition: tuple
    edition_text: str
    budgets: dict[int, Decimal]
    sheet: str = ""
    seq_no: int = 0

    @property
    def total(self) -> Decimal:
        return sum(self.budgets.values(), Decimal(0))


@dataclass
class SheetInfo:
    """How one sheet of an official-layout book was understood (shown in the preview)."""

    name: str
    kind: str  # "ผ.02", "ผ.02/1", "ผ.02/2", "ผ.03", "ผ.01", or "" (not read)
    strategy: str = ""
    tactic: str = ""
    program: str = ""
    projects: int = 0
    editions: list[str] = field(default_factory=list)
    columns: int = 0
    note: str = ""


@dataclass
class EditionPlan:
    key: tuple
    label: str
    added: list = field(default_factory=list)
    # (new row, what it changes: a project already in the plan or a row added earlier in the file)
    changed: list[tuple[ParsedRow, ParsedRow | Project]] = field(default_factory=list)
    first_row: str = ""  # "แผ่นงาน … แถวที่ …" where the edition starts in the file


@dataclass
class EditionApproval:
    """Who approved an edition in the file and when. Without both, the edition stays a draft."""

    approver: str = ""
    approved_on: dt.date | None = None
    meeting_on: dt.date | None = None
    announced_on: dt.date | None = None

    @property
    def complete(self) -> bool:
        return bool(self.approver.strip()) and self.approved_on is not None


class ProblemSink(Protocol):
    """Any report that collects problems by sheet, row and column."""

    def problem(self, sheet, row, column, message) -> None: ...


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    sheets: list[SheetInfo] = field(default_factory=list)
    rows: list[ParsedRow] = field(default_factory=list)
    editions: list[EditionPlan] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    layout: str = "flat"  # "flat" (Tidtam's template) or "official" (ผ.01/ผ.02 book)
    ordinance_totals: dict[int, Decimal] = field(default_factory=dict)  # 17-column books
    new_strategies: int = 0
    new_tactics: int = 0
    needs_approval: list[str] = field(default_factory=list)  # editions that cannot stay drafts
    ambiguous: dict[str, list[Program]] = field(default_factory=dict)  # แผนงาน text → candidates
    committed: bool = False
    plan: Plan | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def only_choices_missing(self) -> bool:
        """Every problem is a แผนงาน to choose: the preview asks instead of refusing."""
        return bool(self.problems) and all(p.kind == "program" for p in self.problems)

    @property
    def totals(self) -> dict[int, Decimal]:
        out: dict[int, Decimal] = defaultdict(Decimal)
        for y in self.years:
            out[y] = Decimal(0)
        for r in self.rows:
            for y, a in r.budgets.items():
                out[y] += a
        return dict(out)

    def summary(self) -> dict[tuple, tuple[int, Decimal]]:
        """ผ.01 of the rows: {(strategy no, program code, year): (projects with budget, baht)};
        (None, None, year) is the grand total."""
        out: dict[tuple, list] = defaultdict(lambda: [0, Decimal(0)])
        for r in self.rows:
            for y, a in r.budgets.items():
                if a:
                    for key in (
                        (r.strategy_no, r.program.code if r.program else None, y),
                        (None, None, y),
                    ):
                        out[key][0] += 1
                        out[key][1] += a
        return {k: (c, a) for k, (c, a) in out.items()}

    def problem(self, sheet, row, column, message):
        self.problems.append(Problem(sheet, row, column, message))

    def warn(self, sheet, row, column, message):
        self.warnings.append(Problem(sheet, row, column, message))


@functools.lru_cache(maxsize=256)
def edition_label(key: tuple) -> str:
    return Edition(kind=key[0], number=key[1], year=key[2]).label
