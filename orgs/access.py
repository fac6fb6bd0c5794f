"""The only way views reach tenant data.

Each getter answers 404 for an object of an organization the user may not see (so its existence
does not leak) and 403 when the user may see it but not change it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from orgs.models import Membership, Organization, Role

WRITE_ROLES = {Role.OFFICER, Role.ADMIN}


@dataclass(frozen=True)
class Grant:
    org_id: int
    province_id: int
    role: str
    division_id: int | None


def grants_for(user) -> list[Grant]:
    """Memberships of a user, cached on the user object for the request."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_tidtam_grants", None)
    if cached is None:
        rows = Membership.objects.filter(user=user).values_list(
            "org_id", "org__province_id", "role", "division_id"
        )
        cached = [Grant(*row) for row in rows]
        user._tidtam_grants = cached
    return cached


def can_read(user, org: Organization) -> bool:
    if user.is_superuser:
        return True
    for g in grants_for(user):
        if g.org_id == org.id:
            return True
        if g.role == Role.ANALYST and g.province_id == org.province_id:
            return True
    return False


def can_write(user, org: Organization) -> bool:
    if user.is_superuser:
        return True
    return any(g.org_id == org.id and g.role in WRITE_ROLES for g in grants_for(user))


def writable_division_ids(user, org: Organization) -> set[int]:
    return {
        g.division_id
        for g in grants_for(user)
        if g.org_id == org.id and g.role == Role.DIVISION_HEAD and g.division_id
    }


def require_some_write(user, org: Organization) -> None:
    """Refuse a role that can change nothing in the org (committee, province analyst, executive
    reading), before any row is looked at."""
    if not can_write(user, org) and not writable_division_ids(user, org):
        raise PermissionDenied("คุณไม่มีสิทธิ์แก้ไขข้อมูลของหน่วยงานนี้")


def can_approve(user, org: Organization) -> bool:
    """Executives approve editions; the officer records the approval on their behalf."""
    if user.is_superuser:
        return True
    roles = {Role.EXECUTIVE, Role.OFFICER, Role.ADMIN}
    return any(g.org_id == org.id and g.role in roles for g in grants_for(user))


def readable_orgs(user):
    qs = Organization.objects.select_related("province", "district")
    if user.is_superuser:
        return qs
    grants = grants_for(user)
    org_ids = {g.org_id for g in grants}
    province_ids = {g.province_id for g in grants if g.role == Role.ANALYST}
    from django.db.models import Q

    return qs.filter(Q(id__in=org_ids) | Q(province_id__in=province_ids))


def org_with_grants(user, code: str) -> Organization | None:
    """The org with its province (every page of an org starts here), and the user's roles
    (grants_for, cached on the user for the request): two queries."""
    org = Organization.objects.select_related("province").filter(code=code).first()
    if org is not None:
        grants_for(user)
    return org


def get_org_for_user(user, code: str, *, write: bool = False) -> Organization:
    return check_org(user, org_with_grants(user, code), write=write)


def check_org(user, org: Organization | None, *, write: bool = False) -> Organization:
    """The checks of get_org_for_user on an org already read (with the user's grants)."""
    if org is None or not can_read(user, org):
        raise Http404("ไม่พบหน่วยงาน")
    if write and not can_write(user, org):
        raise PermissionDenied("คุณไม่มีสิทธิ์แก้ไขข้อมูลของหน่วยงานนี้")
    return org


def keep_grants(user, grants: list[Grant]) -> None:
    """The user's roles, read by a caller's own statement: grants_for gives them for the request."""
    user._tidtam_grants = grants


def can_analyse_province(user, province_id: int) -> bool:
    """The provincial M&E unit's analysts (and admins) see every org of their province."""
    if user.is_superuser:
        return True
    return any(g.province_id == province_id and g.role == Role.ANALYST for g in grants_for(user))


def require_province_analyst(user, org: Organization) -> None:
    """Pages of the provincial M&E unit: the org must be the อบจ. and the user its province's
    analyst."""
    if not org.is_provincial_unit or not can_analyse_province(user, org.province_id):
        raise PermissionDenied("เฉพาะหน่วยติดตามและประเมินผลระดับจังหวัด")


AUDIT_ROLES = {Role.OFFICER, Role.ADMIN, Role.EXECUTIVE}


def require_audit_reader(user, org: Organization) -> None:
    """The audit log: the org's officer, admin and executive, and the province's analysts."""
    if user.is_superuser or can_analyse_province(user, org.province_id):
        return
    if not any(g.org_id == org.id and g.role in AUDIT_ROLES for g in grants_for(user)):
        raise PermissionDenied("ประวัติการแก้ไขเปิดดูได้เฉพาะผู้บริหาร นักวิเคราะห์ฯ และผู้ดูแลระบบ")


def can_manage_people(user, org: Organization) -> bool:
    """The org's own officer or admin manages its details, divisions and people (the อบจ.'s own
    pages also its analysts). The province's M&E unit invites another org's officer only from its
    list of the province's orgs (get_province_org_for_admin), never manages that org's people."""
    if user.is_superuser:
        return True
    if org.is_provincial_unit and can_analyse_province(user, org.province_id):
        return True
    return any(g.org_id == org.id and g.role in WRITE_ROLES for g in grants_for(user))


def require_org_admin(user, org: Organization) -> None:
    if not can_manage_people(user, org):
        raise PermissionDenied("เฉพาะนักวิเคราะห์นโยบายและแผนหรือผู้ดูแลระบบของหน่วยงาน")


def get_province_org_for_admin(user, pao: Organization, code: str) -> Organization:
    """An org of the province of `pao` (the อบจ. whose pages these are), for its M&E unit."""
    require_province_analyst(user, pao)
    org = Organization.objects.select_related("province", "district").filter(code=code).first()
    if org is None or org.province_id != pao.province_id:
        raise Http404("ไม่พบหน่วยงาน")
    return org
