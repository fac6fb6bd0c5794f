"""Reads of the audit log for an org's page."""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Field, ForeignObjectRel, Model

from orgs.models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    model: str = ""
    action: str = ""
    user_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    object_id: str = ""


def model_name(label: str) -> str:
    from core.audit import thai_name

    try:
        return thai_name(apps.get_model(label))
    except LookupError:
        return label


# A relation with one of these names is named by the model it points to ("version" of a yearly
# budget is the project's version, not a save counter).
RELATION_NAMED = {"version"}

# Thai names of fields whose model gives none (the field's own name would show in English).
FIELD_NAMES = {
    "updated_by": "ผู้แก้ไขล่าสุด",
    "created_by": "ผู้บันทึก",
    "submitted_by": "ผู้ส่ง",
    "reviewed_by": "ผู้ตรวจ",
    "by": "ผู้ดำเนินการ",
    "user": "ผู้ใช้",
    "version": "ครั้งที่บันทึก",
    "last_month": "เดือนล่าสุดที่บันทึก",
    "key_hash": "รหัสกุญแจ (แฮช)",
    "revoked": "ยกเลิกแล้ว",
    "level": "ระดับ",
    "file": "ไฟล์",
    "image": "ไฟล์ภาพ",
    "thumbnail": "ภาพย่อ",
    "pdf": "ไฟล์ PDF",
    "original_name": "ชื่อไฟล์เดิม",
    "content_type": "ชนิดไฟล์",
    "size": "ขนาดไฟล์ (ไบต์)",
    "width": "ความกว้าง (พิกเซล)",
    "height": "ความสูง (พิกเซล)",
    "client_key": "รหัสการส่งจากเครื่อง",
    "severity": "ระดับความรุนแรง",
    "text": "ข้อความ",
    "resolved": "แก้ไขแล้ว",
    "status": "สถานะ",
    "kind": "ประเภท",
    "action": "การดำเนินการ",
    "note": "หมายเหตุ",
    "amount": "จำนวนเงิน",
    "number": "ลำดับที่",
    "order": "ลำดับ",
    "months": "เดือนที่ดำเนินการ",
    "round": "ครั้งที่",
    "active": "ใช้งาน",
    "name": "ชื่อ",
    "code": "รหัส",
    "changes": "รายการที่แก้ไข",
    "numbers": "ตัวเลขที่ส่ง",
    "points": "คะแนน",
    "fiscal_year": "ปีงบประมาณ",
    "submitted_at": "เวลาที่ส่ง",
    "reviewed_at": "เวลาที่ตรวจ",
    "granted_at": "เวลาที่อนุมัติ",
    "created_at": "เวลาที่สร้าง",
    "answered_at": "เวลาที่ตอบ",
    "month": "เดือน",
    "year": "ปี",
    "seq": "ลำดับฉบับ",
    "revision": "ครั้งที่แก้ไข",
    "value": "ค่า",
    "reason": "เหตุผล",
    "item": "รายการ",
    "channel": "ช่องทาง",
    "token": "รหัสลิงก์",
    "message": "ข้อความ",
    "expression": "เงื่อนไข",
    "score": "คะแนน",
    "verdict": "ผลการพิจารณา",
    "role": "บทบาท",
    "first_name": "ชื่อ",
    "last_name": "นามสกุล",
    "username": "ชื่อผู้ใช้",
    "email": "อีเมล",
    "is_active": "ใช้งานได้",
    "is_staff": "เข้าหน้าผู้ดูแลได้",
    "is_superuser": "ผู้ดูแลระบบ",
    "date_joined": "วันที่สมัคร",
    "valid_from_seq": "มีผลตั้งแต่ฉบับที่",
    "valid_until_seq": "มีผลถึงฉบับที่",
    "client": "รหัสอุปกรณ์ (แฮช)",
    "address": "รหัสที่อยู่ไอพี (แฮช)",
    "form_token": "รหัสแบบฟอร์ม",
    "at": "เวลา",
}

# Stored codes of fields that have no choices of their own, as the log shows them
VALUE_NAMES = {
    ("province.SubmissionEvent", "action"): {
        "submitted": "ส่งข้อมูล",
        "returned": "ส่งกลับให้แก้ไข",
        "approved": "อนุมัติ",
        "unlock_requested": "ขอปลดล็อก",
        "unlocked": "ปลดล็อก",
    },
}


def _is_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def _field_label(meta, name: str) -> tuple[str, Field | ForeignObjectRel | None]:
    """(Thai label, field or None) of a logged field name."""
    if meta is None:
        return FIELD_NAMES.get(name, name), None
    try:
        field = meta.get_field(name)
    except FieldDoesNotExist:
        return FIELD_NAMES.get(name, name), None
    label = str(getattr(field, "verbose_name", name))
    if _is_month_mask(field):
        return "เดือนที่ดำเนินการ", field
    if _is_thai(label):
        return label, field
    if name in FIELD_NAMES and not (field.is_relation and name in RELATION_NAMED):
        return FIELD_NAMES[name], field
    if name.endswith("_at"):
        return "เวลา", field
    if name.endswith("_on"):
        return "วันที่", field
    if field.is_relation and field.related_model is not None:
        from core.audit import thai_name

        return thai_name(field.related_model), field
    return label, field


def _is_month_mask(field) -> bool:
    """The action plan's month ticks, kept as bits (ต.ค. = 1, พ.ย. = 2, …)."""
    return field is not None and "bitmask" in str(getattr(field, "verbose_name", ""))


def _months(mask: int) -> str:
    from thai.dates import FISCAL_MONTHS, MONTHS_SHORT

    ticked = [MONTHS_SHORT[m - 1] for i, m in enumerate(FISCAL_MONTHS) if mask & (1 << i)]
    return ", ".join(ticked) or "ไม่มี"


def _person(user) -> str:
    return user.get_full_name() or user.get_username()


def _names(wanted: dict) -> dict:
    """{(model, pk): name} for the related rows an entry page mentions: one query per model."""
    from django.contrib.auth import get_user_model
    from django.db import models as db_models

    from core.audit import thai_name

    found = {}
    for model, pks in wanted.items():
        clean = {int(pk) for pk in pks if isinstance(pk, (int, str)) and str(pk).isdigit()}
        if not clean:
            continue
        named = getattr(model, "audit_names", None)  # a model named by another table's rows
        if named is not None:
            found.update({(model, pk): name for pk, name in named(clean).items()})
            continue
        if model.__str__ is db_models.Model.__str__:  # a row with no name of its own
            found.update({(model, pk): f"{thai_name(model)} #{pk}" for pk in clean})
            continue
        user_model = model is get_user_model()
        qs = model._default_manager.filter(pk__in=clean)
        if model._meta.label in STR_NEEDS:
            qs = qs.select_related(*STR_NEEDS[model._meta.label])
        for obj in qs:
            try:
                found[(model, obj.pk)] = _person(obj) if user_model else str(obj)
            except Exception:  # noqa: BLE001, S112 — a __str__ that needs a deleted relation
                continue
    return found


# What a model's __str__ reads from its relations, fetched with it (no query per row).
STR_NEEDS = {"plans.Tactic": ("strategy",), "plans.BudgetOrdinance": ("org",)}


def _moment(value: str) -> str:
    """A logged ISO moment (kept in UTC) as local time with a Buddhist-era date."""
    import datetime as dt

    from django.utils import timezone

    from thai.dates import thai_date

    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return f"{thai_date(local.date(), short=True)} {local:%H:%M:%S} น."


SUMMARY_LIMIT = 600
"""How many characters of a JSON value the audit page shows (the rest becomes "…")."""


def _json_keys(field) -> dict[str, str]:
    """The Thai names of the keys a JSON field carries, where its app gave them (core.audit)."""
    from core.audit import JSON_KEYS

    model = getattr(field, "model", None)
    return JSON_KEYS.get(f"{model._meta.label}.{field.name}", {}) if model is not None else {}


def _compact(value, keys: dict[str, str]) -> str:
    """A dict or list as one short line: "name: value; …", lists as "a, b", numbers with commas."""
    if isinstance(value, dict):
        if not value:
            return "(ว่าง)"
        return "; ".join(f"{keys.get(str(k), k)}: {_compact(v, {})}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_compact(v, {}) for v in value) if value else "(ว่าง)"
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int | float):
        return f"{value:,}"
    return "-" if value is None else str(value)


def _summary(field, value) -> str:
    text = _compact(value, _json_keys(field))
    return text if len(text) <= SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 1] + "…"


def _shown(field, value, names: dict):
    """A logged value as the person reads it: a choice's label, a related row's name, ใช่/ไม่ใช่,
    a date in the Buddhist era; the id only when the row no longer exists."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    if field is None:
        return _summary(None, value) if isinstance(value, dict | list) else value
    if _is_month_mask(field) and isinstance(value, int):
        return _months(value)
    if isinstance(value, dict) and set(value) <= {"strategies", "tactics"}:
        # an approved edition's framework names: {"strategies": {id: [no, name]}, "tactics": …}
        return "; ".join(
            f"{label} {n}. {name}"
            for key, label in (("strategies", "ยุทธศาสตร์"), ("tactics", "กลยุทธ์"))
            for n, name in (value.get(key) or {}).values()
        )
    if isinstance(value, dict | list) and not field.many_to_many:
        return _summary(field, value)  # a JSON field's value (a submission's numbers, …)
    if field.is_relation and field.related_model is not None and not field.many_to_many:
        try:
            key = int(value)
        except (TypeError, ValueError):
            return value
        return names.get((field.related_model, key), f"(รายการที่ถูกลบ #{value})")
    if field.many_to_many and isinstance(value, list):
        return ", ".join(str(names.get((field.related_model, v), f"#{v}")) for v in value)
    choices = getattr(field, "flatchoices", None)
    if choices:
        return dict(choices).get(value, value)
    model = getattr(field, "model", None)
    named = VALUE_NAMES.get((model._meta.label, field.name), {}) if model else {}
    if value in named:
        return named[value]
    if field.get_internal_type() == "FileField" and isinstance(value, str):
        return value.rsplit("/", 1)[-1]  # the stored file's name, not the storage folder
    if field.get_internal_type() == "DecimalField" and isinstance(value, str | int | float):
        from decimal import Decimal, InvalidOperation

        try:
            return f"{Decimal(str(value)):,.2f}"  # money as the forms show it
        except InvalidOperation:
            return value
    if field.get_internal_type() == "DateTimeField" and isinstance(value, str):
        return _moment(value)
    if field.get_internal_type() == "DateField" and isinstance(value, str):
        import datetime as dt

        from thai.dates import short_be

        try:
            return short_be(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value


def field_rows_for(entries) -> list[list[tuple[str, object, object]]]:
    """(Thai field label, old, new) rows of each entry, names in place of ids and labels in place
    of stored codes, resolved for the whole page at once."""
    parsed = []
    wanted: dict[type[Model], set[object]] = {}
    for entry in entries:
        try:
            meta = apps.get_model(entry.model)._meta
        except LookupError:
            meta = None
        rows = []
        for name, values in (entry.changes or {}).items():
            old, new = values if isinstance(values, list) and len(values) == 2 else (None, values)
            label, field = _field_label(meta, name)
            if field is not None and field.is_relation and field.related_model is not None:
                bucket = wanted.setdefault(field.related_model, set())
                for v in (old, new):
                    if isinstance(v, list):
                        bucket.update(v)
                    elif v is not None:
                        bucket.add(v)
            rows.append((label, field, old, new))
        parsed.append(rows)
    names = _names(wanted)
    return [
        [(label, _shown(f, old, names), _shown(f, new, names)) for label, f, old, new in rows]
        for rows in parsed
    ]


def field_rows(entry: AuditEntry) -> list[tuple[str, object, object]]:
    """(field label, old, new) for one entry (see field_rows_for)."""
    return field_rows_for([entry])[0]


def audit_entries(org, f: AuditFilter):
    lookups = {
        "model": f.model,
        "action": f.action,
        "user_id": f.user_id,
        "at__date__gte": f.start,
        "at__date__lte": f.end,
        "object_id": f.object_id,
    }
    given = {k: v for k, v in lookups.items() if v}
    return AuditEntry.objects.filter(org=org, **given).order_by("-at", "-id")


def audit_facets(org) -> tuple[list[tuple[str, str, int]], list[tuple[int, str]]]:
    """The kinds of record and the people that appear in an org's log, for the filter menus."""
    models = [
        (m, model_name(m), n)
        for m, n in AuditEntry.objects.filter(org=org)
        .values("model")
        .annotate(n=Count("pk"))
        .values_list("model", "n")
    ]
    people = list(
        AuditEntry.objects.filter(org=org, user__isnull=False)
        .values_list("user_id", "actor")
        .distinct()
        .order_by("actor")
    )
    return sorted(models, key=lambda m: m[1]), people


def divisions_with_heads(org):
    """The org's divisions, each with its head's name and the accounts of its division heads."""
    from orgs.models import Division, Membership, Role

    heads: dict[int, list] = {}
    for m in Membership.objects.filter(org=org, role=Role.DIVISION_HEAD).select_related("user"):
        heads.setdefault(m.division_id, []).append(m.user)
    return [(d, heads.get(d.id, [])) for d in Division.objects.filter(org=org)]


def people_of(org) -> list[tuple[object, list]]:
    """Everyone with a role in the org (disabled accounts included, marked), with their roles."""
    from orgs.models import Membership

    people: dict[int, tuple[object, list]] = {}
    rows = (
        Membership.objects.filter(org=org)
        .select_related("user", "division")
        .order_by("-user__is_active", "user__first_name", "user__username", "role")
    )
    for m in rows:
        people.setdefault(m.user_id, (m.user, []))[1].append(m)
    return list(people.values())


def province_orgs(province):
    """The province's orgs with their district and how many active officers each has."""
    from django.db.models import Q

    from orgs.models import Organization, Role

    active = Q(memberships__role__in=[Role.OFFICER, Role.ADMIN], memberships__user__is_active=True)
    return (
        Organization.objects.filter(province=province)
        .select_related("district")
        .annotate(officers=Count("memberships", filter=active))
        .order_by("code")
    )


def provinces_set_up():
    """The provinces already in the system with what each has: districts, its อบจ., the orgs and
    the people of the provincial M&E unit (the operator's set-up page shows what is really done)."""
    from django.db.models import OuterRef, Q, Subquery

    from orgs.models import District, Membership, Organization, OrgType, Province, Role

    pao = Organization.objects.filter(province=OuterRef("pk"), org_type=OrgType.PAO)
    return Province.objects.annotate(
        n_districts=Subquery(
            District.objects.filter(province=OuterRef("pk"))
            .values("province")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        n_orgs=Count("orgs", filter=~Q(orgs__org_type=OrgType.PAO), distinct=True),
        pao_name=Subquery(pao.values("name")[:1]),
        pao_code=Subquery(pao.values("code")[:1]),
        n_analysts=Subquery(
            Membership.objects.filter(
                org__province=OuterRef("pk"), org__org_type=OrgType.PAO, role=Role.ANALYST
            )
            .values("org__province")
            .annotate(n=Count("pk"))
            .values("n")
        ),
    ).order_by("name")
