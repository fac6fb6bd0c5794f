"""The menu on every page: links grouped by the work, only those the user's roles may open.

Each link names the check its page makes (orgs.access), so a role is never shown a link that
answers 403: a division head sees no import and no audit log, the อบจ. is not offered to send
its own data to itself, the province's pages appear only for its analysts, the system settings
only for admins.
"""

from dataclasses import dataclass, field

from orgs.access import AUDIT_ROLES, can_analyse_province, can_write, grants_for
from orgs.models import Organization, OrgType, Role
from orgs.templatetags.nav import navurl


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    section: str


@dataclass
class Group:
    label: str
    links: list[Link] = field(default_factory=list)

    def active(self, section: str) -> bool:
        return any(link.section == section for link in self.links)


@dataclass(frozen=True)
class Who:
    """Who is signed in and in which role here (shown in the header)."""

    name: str
    role: str


def _roles_here(user, org: Organization | None) -> set[str]:
    if org is None:
        return {g.role for g in grants_for(user)}
    return {
        g.role
        for g in grants_for(user)
        if g.org_id == org.id or (g.role == Role.ANALYST and g.province_id == org.province_id)
    }


def who(user, org: Organization | None) -> Who:
    name = user.get_full_name() or user.username
    roles = _roles_here(user, org)
    if user.is_superuser:
        return Who(name, Role.ADMIN.label)
    order = [
        Role.ADMIN,
        Role.OFFICER,
        Role.EXECUTIVE,
        Role.DIVISION_HEAD,
        Role.COMMITTEE,
        Role.ANALYST,
    ]
    labels = [r.label for r in order if r in roles]
    if Role.DIVISION_HEAD in roles:
        division = _division_name(user, org)
        if division:
            labels[labels.index(Role.DIVISION_HEAD.label)] += f" ({division})"
    return Who(name, " · ".join(labels) or "ผู้ใช้")


def _division_name(user, org) -> str:
    from orgs.models import Division

    ids = [
        g.division_id for g in grants_for(user) if g.role == Role.DIVISION_HEAD and g.division_id
    ]
    if org is not None:
        ids = [
            g.division_id
            for g in grants_for(user)
            if g.org_id == org.id and g.role == Role.DIVISION_HEAD and g.division_id
        ]
    if not ids:
        return ""
    cache = getattr(user, "_tidtam_division_names", None)
    if cache is None:
        cache = dict(Division.objects.filter(pk__in=ids).values_list("pk", "name"))
        user._tidtam_division_names = cache
    return ", ".join(cache[i] for i in ids if i in cache)


def _province_unit_code(user, org: Organization | None) -> str | None:
    """The อบจ. whose province pages the user may open (an analyst or admin), or None."""
    if org is not None and org.is_provincial_unit:
        return org.code if can_analyse_province(user, org.province_id) else None
    if org is not None and not can_analyse_province(user, org.province_id):
        return None
    if org is None and not any(g.role == Role.ANALYST for g in grants_for(user)):
        return None
    cached = getattr(user, "_tidtam_province_unit", None)
    key = org.province_id if org is not None else None
    if cached is not None and cached[0] == key:
        return cached[1]
    qs = Organization.objects.filter(org_type=OrgType.PAO)
    if org is not None:
        qs = qs.filter(province_id=org.province_id)
    else:
        provinces = {g.province_id for g in grants_for(user) if g.role == Role.ANALYST}
        qs = qs.filter(province_id__in=provinces)
    code = qs.order_by("code").values_list("code", flat=True).first()
    user._tidtam_province_unit = (key, code)
    return code


def province_group(code: str) -> Group:
    return Group(
        "จังหวัด",
        [
            Link("ตรวจรับข้อมูล อปท.", navurl("province:review", code), "review"),
            Link("วิเคราะห์จังหวัด", navurl("province:analysis", code), "analysis"),
            Link("แผนที่จังหวัด", navurl("province:map_start", code), "province_map"),
            Link("โครงการซ้ำซ้อน", navurl("province:duplicates", code), "duplicates"),
            Link("ภาพรวมจังหวัด", navurl("monitoring:province_start", code), "province"),
            Link("สรุปจังหวัด", navurl("province:summary", code), "summary"),
        ],
    )


def system_group() -> Group:
    return Group(
        "ตั้งค่าระบบ",
        [
            Link("ภาพรวมทั้งประเทศ", navurl("national"), "national"),
            Link("เกณฑ์สัญญาณเตือน", navurl("warning_rules"), "warning_rules"),
            Link("แบบให้คะแนนแผน", navurl("score_templates"), "score_templates"),
        ],
    )


def org_menu(user, org: Organization | None) -> list[Group]:
    """The groups of links for this user on this org's pages (or on a page of no org)."""
    if not user.is_authenticated:
        return []
    groups: list[Group] = []
    if org is not None:
        c = org.code
        roles = _roles_here(user, org)
        writer = can_write(user, org)
        plan = Group(
            "วางแผน",
            [
                Link("แผนพัฒนาท้องถิ่น", navurl("plans:overview", c), "plan"),
                Link("ยุทธศาสตร์", navurl("plans:framework", c), "framework"),
                Link("โครงการ", navurl("plans:projects", c), "projects"),
                Link("ฉบับของแผน", navurl("plans:editions", c), "editions"),
            ],
        )
        if writer:
            plan.links.append(Link("นำเข้า Excel", navurl("exchange:import", c), "import"))
        budget = Group(
            "งบประมาณ",
            [
                Link(org.ordinance_name, navurl("plans:budget", c), "budget"),
                Link("แผนการดำเนินงาน", navurl("plans:action_plan", c), "action"),
            ],
        )
        follow = Group(
            "ติดตาม",
            [
                Link("ติดตามรายเดือน", navurl("monitoring:start", c), "monitoring"),
                Link("สัญญาณเตือน", navurl("monitoring:dashboard_start", c), "dashboard"),
                Link("แผนที่โครงการ", navurl("monitoring:map_start", c), "map"),
                Link("แบบที่ 2 (รายไตรมาส)", navurl("monitoring:form2_start", c), "form2"),
            ],
        )
        sends = roles & {Role.OFFICER, Role.ADMIN, Role.EXECUTIVE} or user.is_superuser
        if not org.is_provincial_unit and sends:
            follow.links.append(
                Link("ส่งข้อมูลให้ อบจ.", navurl("province:submissions", c), "submissions")
            )
        evaluate = Group(
            "ประเมินผล",
            [
                Link("คณะกรรมการ", navurl("evaluation:committee", c), "committee"),
                Link("แบบที่ 1", navurl("evaluation:form1", c), "form1"),
                Link("ให้คะแนนแผน", navurl("evaluation:scoring", c), "scoring"),
                Link("แบบที่ 3/1", navurl("evaluation:form31", c), "form31"),
                Link("ตัวชี้วัด", navurl("evaluation:kpis", c), "kpis"),
                Link("แบบสำรวจความพึงพอใจ", navurl("evaluation:surveys", c), "surveys"),
                Link("รายงานประจำปี", navurl("evaluation:annual", c), "annual"),
            ],
        )
        documents = Group(
            "เอกสาร",
            [Link("เอกสาร ผ.01/ผ.02/ผด.", navurl("reports:index", c), "reports")],
        )
        audit = user.is_superuser or roles & (AUDIT_ROLES | {Role.ANALYST})
        if audit:
            documents.links.append(Link("ประวัติการแก้ไข", navurl("orgs:audit", c), "audit"))
        groups += [plan, budget, follow, evaluate, documents]
    code = _province_unit_code(user, org)
    if code:
        groups.append(province_group(code))
    if user.is_superuser:
        groups.append(system_group())
    return groups
