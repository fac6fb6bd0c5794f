"""งานของฉัน: what is due, for whom and when, from the rules the system already knows.

Each rule is defined where it lives and each app contributes its own items (`source`, registered
from its AppConfig.ready(): plans' action plan, monitoring's monthly entry, the province's
submissions, evaluation's annual report and committee, the ITA report); this module only gathers
them per person and role, for one day `today`.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from thai.dates import thai_date

if TYPE_CHECKING:
    from orgs.models import Organization

WARN_DAYS = 45  # an item appears this many days before it is due
WRITERS = ("officer", "executive", "admin")


@dataclass
class Item:
    kind: str
    title: str
    due: dt.date | None
    url: str
    org: "Organization"
    done: bool = False
    detail: str = ""
    today: dt.date | None = None

    @property
    def days_left(self) -> int | None:
        if self.due is None or self.today is None:
            return None
        return (self.due - self.today).days

    @property
    def state(self) -> str:
        if self.done:
            return "done"
        d = self.days_left
        if d is None:
            return "open"
        return "late" if d < 0 else "soon" if d <= 7 else "later"

    @property
    def when(self) -> str:
        """อีก 4 วัน (5 ธันวาคม 2569) / ครบกำหนดวันนี้ / เลยกำหนด 3 วัน"""
        if self.done:
            return "เสร็จแล้ว"
        d = self.days_left
        if d is None:
            return "รอดำเนินการ"
        on = thai_date(self.due)
        if d > 0:
            return f"อีก {d} วัน (ภายใน {on})"
        if d == 0:
            return f"ครบกำหนดวันนี้ ({on})"
        return f"เลยกำหนด {-d} วัน (กำหนด {on})"


def sort(items):
    order = {"late": 0, "soon": 1, "open": 2, "later": 3, "done": 4}
    return sorted(items, key=lambda i: (order[i.state], i.due or dt.date.max, i.title))


def near(due: dt.date | None, today: dt.date) -> bool:
    return due is not None and due - dt.timedelta(days=WARN_DAYS) <= today


Source = Callable[..., list[Item]]
_SOURCES: list[tuple[frozenset[str], Source, bool]] = []


def source(*roles: str, by_division: bool = False) -> Callable[[Source], Source]:
    """Register fn(org, today) -> [Item] for the members of an org with one of these roles.
    With `by_division`, fn(org, today, divisions) is told the division a division head heads
    (None for the org-wide roles), so that the item counts that division's work only."""

    def register(fn: Source) -> Source:
        _SOURCES.append((frozenset(roles), fn, by_division))
        return fn

    return register


def my_work(user, today: dt.date) -> list[Item]:
    """Every item that needs this person, most urgent first."""
    from orgs.models import Membership

    items: list[Item] = []
    memberships = Membership.objects.filter(user=user).select_related("org", "org__province")
    seen = set()
    for m in memberships:
        org, role = m.org, m.role
        if (org.pk, role) in seen:
            continue
        seen.add((org.pk, role))
        divisions = {m.division_id} if role == "division_head" and m.division_id else None
        for roles, fn, by_division in _SOURCES:
            if role in roles:
                items += fn(org, today, divisions) if by_division else fn(org, today)
    return sort(items)
