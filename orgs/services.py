"""Writes of organisations, divisions and people: the province set-up, the org's own details,
invitations, roles, disabling and handing accounts over. Every write is audited (core.audit's
signals catch each save and delete; the acting user comes from the request or `audit.acting`)."""

import datetime as dt
from dataclasses import dataclass

import geothai
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import ProtectedError

from orgs import mail
from orgs.models import (
    District,
    Division,
    Membership,
    Organization,
    OrgType,
    OrgTypeChange,
    Province,
    Role,
)

EMBLEM_MAX_BYTES = 2 * 1024 * 1024
DETAIL_FIELDS = (
    "name",
    "address",
    "subdistrict",
    "postal_code",
    "executive_name",
    "executive_title",
    "planning_division",
    "website",
    "email",
)


# -- the province ---------------------------------------------------------------------------------


def districts_sync(*, province: Province) -> int:
    """The province's อำเภอ from geothai (the DOPA list); existing rows keep their ids. New
    count."""
    known = {d.name: d for d in District.objects.filter(province=province)}
    added = 0
    for d in geothai.districts(province.code):
        row = known.get(d.name_th)
        if row is None:
            District.objects.create(province=province, name=d.name_th, code=d.code)
            added += 1
        elif row.code != d.code:
            row.code = d.code
            row.save(update_fields=["code"])
    return added


@dataclass(frozen=True)
class ProvinceSetup:
    """What a run of province_setup really did (a second run for the same province does nothing)."""

    pao: Organization
    province_created: bool
    pao_created: bool
    districts_added: int

    @property
    def changed(self) -> bool:
        return self.province_created or self.pao_created or self.districts_added > 0


@transaction.atomic
def province_setup(*, province_code: str, pao_code: str) -> ProvinceSetup:
    """The operator's first step: the province (name and districts from geothai) and its อบจ.,
    the provincial M&E unit. Running it again for the same province changes nothing (and says
    so: the result tells what was created)."""
    found = geothai.province(province_code.strip())
    if found is None:
        raise ValidationError({"province_code": "ไม่พบรหัสจังหวัดนี้ในบัญชีของกรมการปกครอง"})
    pao_code = pao_code.strip()
    if not (pao_code.isdigit() and len(pao_code) == 7):
        raise ValidationError(
            {"pao_code": "รหัส อปท. ต้องเป็นตัวเลข 7 หลัก (รหัสของกรมส่งเสริมการปกครองท้องถิ่น)"}
        )
    province, created = Province.objects.get_or_create(
        code=found.code, defaults={"name": found.name_th}
    )
    added = districts_sync(province=province)
    pao = Organization.objects.filter(province=province, org_type=OrgType.PAO).first()
    if pao is not None:
        if pao.code != pao_code:
            raise ValidationError({"pao_code": f"จังหวัดนี้มี อบจ. อยู่แล้ว (รหัส {pao.code})"})
        return ProvinceSetup(pao, created, False, added)
    other = Organization.objects.filter(code=pao_code).first()
    if other is not None:
        raise ValidationError({"pao_code": f"รหัส {pao_code} เป็นของ{other.name}แล้ว"})
    capital = District.objects.filter(province=province, name=f"เมือง{province.name}").first()
    pao = Organization(
        code=pao_code,
        name=f"องค์การบริหารส่วนจังหวัด{province.name}",
        org_type=OrgType.PAO,
        province=province,
        district=capital,
    )
    pao.full_clean()
    pao.save()
    return ProvinceSetup(pao, created, True, added)


@transaction.atomic
def org_type_change(
    *, org: Organization, new_type: str, effective_on: dt.date, new_name: str = "", note: str = ""
) -> OrgTypeChange:
    """An upgrade (อบต. → ทต., ทต. → ทม.) on its date: the history row and the org's new type and
    name, in one transaction."""
    if new_type not in OrgType.values:
        raise ValidationError({"new_type": "ประเภท อปท. ไม่ถูกต้อง"})
    if new_type == org.org_type:
        raise ValidationError({"new_type": "ประเภทใหม่ต้องต่างจากประเภทปัจจุบัน"})
    if new_type == OrgType.PAO or org.org_type == OrgType.PAO:
        raise ValidationError({"new_type": "อบจ. เปลี่ยนประเภทไม่ได้"})
    change = OrgTypeChange(
        org=org,
        old_type=org.org_type,
        new_type=new_type,
        old_name=org.name,
        effective_on=effective_on,
        note=note.strip(),
    )
    change.full_clean()
    change.save()
    org.org_type = new_type
    fields = ["org_type"]
    if new_name.strip() and new_name.strip() != org.name:
        org.name = new_name.strip()
        fields.append("name")
    org.save(update_fields=fields)
    return change


# -- the org's own details -------------------------------------------------------------------------


@transaction.atomic
def org_details_update(*, org: Organization, data: dict, emblem=None, remove_emblem=False):
    """The org's name, address, executive, planning division, website and e-mail (and emblem)."""
    division = data.get("planning_division")
    if division is not None and division.org_id != org.id:
        raise ValidationError({"planning_division": "กอง/สำนักนี้ไม่ใช่ของหน่วยงาน"})
    for name in DETAIL_FIELDS:
        if name in data:
            value = data[name]
            setattr(org, name, value.strip() if isinstance(value, str) else value)
    fields = [f for f in DETAIL_FIELDS if f in data]
    if emblem is not None:
        if emblem.size > EMBLEM_MAX_BYTES:
            raise ValidationError({"emblem": "ไฟล์ตราสัญลักษณ์ต้องไม่เกิน 2 MB"})
        org.emblem.save(f"{org.code}-{emblem.name[-40:]}", emblem, save=False)
        fields.append("emblem")
    elif remove_emblem and org.emblem:
        org.emblem = ""
        fields.append("emblem")
    org.full_clean(exclude=["province", "district"])
    org.save(update_fields=fields)
    return org


def subdistrict_choices(org: Organization) -> list[tuple[str, str]]:
    """ตำบล of the org's อำเภอ (geothai), with their postal codes, for the details form."""
    if not org.district or not org.district.code:
        return []
    return [
        (s.name_th, s.postal_codes[0] if s.postal_codes else "")
        for s in geothai.subdistricts(org.district.code)
    ]


@transaction.atomic
def division_save(
    *,
    org: Organization,
    name: str,
    head_name: str = "",
    head_title: str = "",
    division: Division | None = None,
) -> Division:
    division = division or Division(org=org)
    if division.org_id != org.id:
        raise ValidationError("กอง/สำนักนี้ไม่ใช่ของหน่วยงาน")
    division.name, division.head_name, division.head_title = (
        name.strip(),
        head_name.strip(),
        head_title.strip(),
    )
    try:
        division.full_clean()
    except ValidationError as exc:
        if "__all__" in exc.message_dict or "name" in exc.message_dict:
            raise ValidationError(
                {
                    "name": f"มีกอง/สำนักชื่อ “{division.name}” แล้ว"
                    if division.name
                    else "กรุณากรอกชื่อกอง/สำนัก"
                }
            ) from exc
        raise
    division.save()
    return division


@transaction.atomic
def division_delete(*, division: Division) -> None:
    if Membership.objects.filter(division=division).exists():
        raise ValidationError("ลบไม่ได้: มีผู้ใช้เป็นหัวหน้าของกอง/สำนักนี้ เปลี่ยนบทบาทก่อน")
    try:
        division.delete()
    except ProtectedError as exc:
        raise ValidationError("ลบไม่ได้: มีโครงการที่กอง/สำนักนี้รับผิดชอบ") from exc


# -- people ---------------------------------------------------------------------------------------


def _check_role(org: Organization, role: str, division: Division | None) -> Division | None:
    if role not in Role.values:
        raise ValidationError({"role": "บทบาทไม่ถูกต้อง"})
    if role == Role.ANALYST and not org.is_provincial_unit:
        raise ValidationError({"role": "เจ้าหน้าที่วิเคราะห์ระดับจังหวัดมีได้เฉพาะใน อบจ."})
    if role == Role.DIVISION_HEAD:
        if division is None:
            raise ValidationError({"division": "หัวหน้าส่วนราชการต้องระบุกอง/สำนัก"})
        if division.org_id != org.id:
            raise ValidationError({"division": "กอง/สำนักนี้ไม่ใช่ของหน่วยงาน"})
        return division
    return None


@transaction.atomic
def person_invite(
    *,
    org: Organization,
    email: str,
    role: str,
    base_url: str,
    first_name: str = "",
    last_name: str = "",
    division: Division | None = None,
    invited_by=None,
    notify: bool = True,
) -> Membership:
    """Give a person a role in the org and e-mail them. A new address gets an account with no
    password and a single-use link to set one; a known one is told of the new role. The inviter
    is answered the same either way (whether an address exists is never shown)."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ValidationError({"email": "อีเมลไม่ถูกต้อง"}) from exc
    division = _check_role(org, role, division)
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("id").first()
    user = user or User.objects.filter(username__iexact=email).first()
    if user is None:
        user = User(
            username=email,
            email=email,
            first_name=first_name.strip()[:150],
            last_name=last_name.strip()[:150],
        )
        user.set_unusable_password()
        user.save()
    elif not user.is_active:  # came back (or was disabled by mistake): a fresh password
        user.is_active = True
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
    membership = Membership.objects.filter(user=user, org=org, role=role).first()
    if membership is None:
        membership = Membership.objects.create(user=user, org=org, role=role, division=division)
    elif membership.division_id != (division.id if division else None):
        membership.division = division
        membership.save(update_fields=["division"])
    if not notify:
        return membership
    if user.has_usable_password():
        mail.send_role_notice(user=user, membership=membership, base_url=base_url)
    else:
        mail.send_invitation(
            user=user, membership=membership, base_url=base_url, invited_by=invited_by
        )
    return membership


@transaction.atomic
def membership_change(*, membership: Membership, role: str, division: Division | None = None):
    """Change one role of a person in the org (e.g. officer → executive, or another division)."""
    division = _check_role(membership.org, role, division)
    clash = Membership.objects.filter(
        user_id=membership.user_id, org_id=membership.org_id, role=role
    ).exclude(pk=membership.pk)
    if clash.exists():
        raise ValidationError({"role": "ผู้ใช้นี้มีบทบาทนี้ในหน่วยงานอยู่แล้ว"})
    membership.role, membership.division = role, division
    membership.full_clean()
    membership.save(update_fields=["role", "division"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, removed_by) -> None:
    if membership.user_id == removed_by.pk and membership.role in (Role.OFFICER, Role.ADMIN):
        raise ValidationError("ลบสิทธิ์ดูแลหน่วยงานของตัวเองไม่ได้ ให้ผู้ดูแลคนอื่นดำเนินการ")
    membership.delete()


@transaction.atomic
def person_disable(*, org: Organization, user, disabled_by) -> bool:
    """A person who left: they can no longer sign in (sessions and API tokens stop working too);
    their memberships and every record they made stay, still in their name. A person who also
    works for another org only loses their roles here. True if the account was disabled."""
    if user.pk == disabled_by.pk:
        raise ValidationError("ปิดการใช้งานบัญชีของตัวเองไม่ได้")
    if user.is_superuser:
        raise ValidationError("บัญชีผู้ดูแลระบบปิดได้จากหน้าผู้ดูแลระบบเท่านั้น")
    mine = Membership.objects.filter(user=user, org=org)
    if not mine.exists():
        raise ValidationError("ผู้ใช้นี้ไม่มีบทบาทในหน่วยงาน")
    if Membership.objects.filter(user=user).exclude(org=org).exists():
        for membership in mine:
            membership.delete()
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    return True


@transaction.atomic
def accounts_hand_over(
    *,
    org: Organization,
    from_user,
    email: str,
    base_url: str,
    first_name: str = "",
    last_name: str = "",
    handed_over_by,
) -> list[Membership]:
    """Staff transfer: the newcomer is invited with every role the leaver had in the org, then the
    leaver is disabled (or loses this org's roles). The leaver's records keep their name."""
    roles = list(Membership.objects.filter(user=from_user, org=org).select_related("division"))
    if not roles:
        raise ValidationError("ผู้ใช้นี้ไม่มีบทบาทในหน่วยงาน")
    if email.strip().lower() in (from_user.email.lower(), from_user.username.lower()):
        raise ValidationError({"email": "ต้องเป็นอีเมลของผู้รับมอบงาน ไม่ใช่ของผู้ส่งมอบ"})
    given = [
        person_invite(
            org=org,
            email=email,
            role=m.role,
            division=m.division,
            first_name=first_name,
            last_name=last_name,
            base_url=base_url,
            invited_by=handed_over_by,
            notify=i == len(roles) - 1,
        )
        for i, m in enumerate(roles)
    ]
    person_disable(org=org, user=from_user, disabled_by=handed_over_by)
    return given
