"""The audit trail: every write to tenant data leaves an AuditEntry — who, when, what, and the old and
new value of each changed field — written in the same transaction as the write.

Single-row writes (save, create, delete, and the rows a queryset .delete() collects) are caught by
signals connected to each audited model. The two writes Django does without signals go through
this module instead: `bulk_create(model, objs)` and `update(queryset, **values)`; an architecture
test refuses raw bulk_create/update anywhere else. Who is acting comes from the request (the
middleware below) or, for management commands, from `acting(...)`. Writes of a web or API request
run inside one transaction opened by the middleware, so a failed audit insert undoes the write.
"""

import contextvars
import datetime
import decimal
import uuid
from contextlib import contextmanager

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

from core.clients import client_ip
from tidtam import plainsql

AUDITED_APPS = ("orgs", "plans", "monitoring", "evaluation", "province", "reports", "exchange")
# The log itself, the login log (a security record of its own), alerts (recomputed by the rules).
NOT_AUDITED = {"orgs.AuditEntry", "orgs.LoginAttempt", "monitoring.Alert"}
EXTRA_AUDITED = ("auth.User",)
# Fields never copied into the log (secrets) or not worth an entry (bookkeeping).
HIDDEN = {"password", "key_hash"}
# A save whose only change is who last saved it changed nothing a person entered: no entry.
IGNORED = {"last_login", "last_used_at", "updated_at", "updated_by"}

# How to reach the org of a row, for the models that have no `org` field of their own. Models of
# neither kind (templates, rules, provinces, users) are province- or system-wide: org stays empty.
ORG_PATHS = {
    "orgs.Organization": "pk",
    "plans.Mission": "plan.org_id",
    "plans.Strategy": "plan.org_id",
    "plans.Edition": "plan.org_id",
    "plans.Project": "plan.org_id",
    "plans.ProjectVersion": "plan.org_id",
    "plans.Goal": "strategy.plan.org_id",
    "plans.Tactic": "strategy.plan.org_id",
    "plans.KPI": "strategy.plan.org_id",
    "plans.KPITarget": "kpi.strategy.plan.org_id",
    "plans.ProjectBudget": "version.plan.org_id",
    "plans.BudgetLine": "ordinance.org_id",
    "plans.ActionPlanItem": "action_plan.org_id",
    "monitoring.MonthlyProgress": "project_year.org_id",
    "monitoring.Evidence": "project_year.org_id",
    "monitoring.Photo": "project_year.org_id",
    "plans.ProjectPlace": "project.plan.org_id",
    "plans.BudgetTransfer": "line.ordinance.org_id",
    "evaluation.CommitteeMember": "committee.org_id",
    "evaluation.Meeting": "committee.org_id",
    "evaluation.ChecklistAnswer": "plan.org_id",
    "evaluation.KPIResult": "kpi.strategy.plan.org_id",
    "evaluation.ScoreEntry": "sheet.org_id",
    "evaluation.Response": "survey.org_id",
    "evaluation.Answer": "response.survey.org_id",
    "province.SubmissionEvent": "submission.org_id",
    "province.ReturnReason": "submission.org_id",
    "province.UnlockRequest": "submission.org_id",
    "province.DuplicatePair": "project_a.plan.org_id",
}
SYSTEM = "ระบบ (คำสั่งผู้ดูแล)"
PUBLIC = "ประชาชน (ไม่ระบุชื่อ)"

_request = contextvars.ContextVar("audit_request", default=None)
_actor = contextvars.ContextVar("audit_actor", default=None)
_pending = contextvars.ContextVar("audit_pending", default=None)


@contextmanager
def acting(user=None, label: str = SYSTEM):
    """Name who is acting outside a web request (management commands, the demo seed, tests)."""
    token = _actor.set((user, label))
    try:
        yield
    finally:
        _actor.reset(token)


def _who() -> tuple[int | None, str, str]:
    request = _request.get()
    if request is not None:
        address = client_ip(request)[:45]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user.pk, (user.get_full_name() or user.get_username())[:200], address
        return None, PUBLIC, address
    acting_as = _actor.get()
    if acting_as is None:
        return None, SYSTEM, ""
    user, label = acting_as
    if user is not None:
        return user.pk, (user.get_full_name() or user.get_username())[:200], ""
    return None, label, ""


def audited_models() -> list[type[models.Model]]:
    found = [m for m in apps.get_models() if m._meta.app_label in AUDITED_APPS]
    found += [apps.get_model(label) for label in EXTRA_AUDITED]
    return [m for m in found if m._meta.label not in NOT_AUDITED and m._meta.managed]  # not views


def is_audited(model) -> bool:
    return getattr(model, "_audit_on", False)


def _fields(model):
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.name not in HIDDEN]


def _plain(value):
    """A JSON-ready copy of a field value, as the log keeps it."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    if isinstance(value, (bytes, memoryview)):
        return f"<{len(value)} ไบต์>"
    if isinstance(value, (list, dict)):
        return value
    return str(value)


def _normal(field, value):
    try:
        return field.to_python(value)
    except Exception:  # noqa: BLE001 — a value the field cannot read is compared as it is
        return value


def _snapshot(instance) -> dict:
    data = instance.__dict__
    return {f.attname: data[f.attname] for f in _fields(type(instance)) if f.attname in data}


def _org_id(instance) -> int | None:
    label = instance._meta.label
    path = ORG_PATHS.get(label)
    if path is None:
        return getattr(instance, "org_id", None)
    value = instance
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _entry(instance, action: str, changes: dict, who=None, org_id=None):
    from orgs.models import AuditEntry

    user_id, actor, address = who or _who()
    return AuditEntry(
        org_id=org_id or _org_id(instance), user_id=user_id, actor=actor, address=address, action=action,
        model=instance._meta.label, object_id=str(instance.pk)[:40], label=_label(instance),
        changes=changes,
    )  # fmt: skip


def _label(instance) -> str:
    from orgs.model_names import thai_name

    name = thai_name(type(instance))
    if (
        type(instance).__str__ is models.Model.__str__
    ):  # "X object (7)" says nothing; the id is shown
        return name[:300]
    try:
        text = str(instance)
    except Exception:  # noqa: BLE001 — a __str__ that needs a deleted relation
        return name[:300]
    return f"{name}: {text}"[:300]


def _created_changes(instance) -> dict:
    changes = {}
    for f in _fields(type(instance)):
        value = _plain(getattr(instance, f.attname))
        if value not in (None, "") and f.name not in IGNORED:
            changes[f.name] = [None, value]
    return changes


def _diff(model, old: dict, new: dict, only=None) -> dict:
    changes = {}
    for f in _fields(model):
        if f.name in IGNORED or (only is not None and f.name not in only and f.attname not in only):
            continue
        if f.attname not in old or f.attname not in new:
            continue
        before, after = _normal(f, old[f.attname]), _normal(f, new[f.attname])
        if before != after:
            changes[f.name] = [_plain(before), _plain(after)]
    return changes


@contextmanager
def batched():
    """Collect the entries of the writes made inside and insert them in one statement when the
    block ends. For a service that writes a few rows per call on a hot path (a month's save writes
    two or three). Only inside a transaction: the writes and their entries commit together, and a
    block that raises leaves both to the rollback (its entries are dropped, not inserted)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.batched() ต้องอยู่ในทรานแซกชัน (transaction.atomic)")
    pending: list = []
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    plainsql.insert(pending)  # one statement; not reached when the block raised: nothing to log


def _record(entry, using) -> None:
    pending = _pending.get()
    if pending is not None and using in (None, "default"):
        pending.append(entry)
    else:
        entry.save(using=using)


def _on_init(sender, instance, **kwargs):
    instance._audit_old = _snapshot(instance)


def _on_save(sender, instance, created, raw=False, update_fields=None, using=None, **kwargs):
    if raw:  # loaddata / restore: the rows are the backup's, not a user's write
        instance._audit_old = _snapshot(instance)
        return
    new = _snapshot(instance)
    if created:
        changes, action = _created_changes(instance), "create"
    else:
        changes, action = (
            _diff(sender, getattr(instance, "_audit_old", {}), new, update_fields),
            "update",
        )
    instance._audit_old = new
    if changes:
        _record(_entry(instance, action, changes), using)


def _on_delete(sender, instance, using=None, origin=None, **kwargs):
    old = {f.name: _plain(getattr(instance, f.attname, None)) for f in _fields(sender)
           if f.attname in instance.__dict__}  # fmt: skip
    changes = {name: [value, None] for name, value in old.items() if value not in (None, "")}
    _record(_entry(instance, "delete", changes), using)


def _on_m2m(sender, instance, action, reverse, model, pk_set, using=None, **kwargs):
    if reverse or not is_audited(type(instance)):
        return
    field = next(f for f in instance._meta.many_to_many if f.remote_field.through is sender)
    if action.startswith("pre_"):
        instance._audit_m2m = sorted(getattr(instance, field.name).values_list("pk", flat=True))
        return
    before = getattr(instance, "_audit_m2m", [])
    after = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    if before != after:
        _record(_entry(instance, "update", {field.name: [before, after]}), using)


def connect() -> None:
    """Connect the signals to each audited model only, so unaudited tables keep Django's fast
    bulk delete (a receiver on every model would make each .delete() fetch its rows)."""
    for model in audited_models():
        model._audit_on = True
        uid = f"audit:{model._meta.label}"
        post_init.connect(_on_init, sender=model, dispatch_uid=uid, weak=False)
        post_save.connect(_on_save, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_on_delete, sender=model, dispatch_uid=uid, weak=False)
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                _on_m2m, sender=field.remote_field.through, dispatch_uid=uid, weak=False
            )


def bulk_create(model, objs, *, org_id: int | None = None, **kwargs):
    """Model.objects.bulk_create, and one create entry per row (in one more insert). Pass org_id
    when every row belongs to one org the rows do not reach without a query."""
    from orgs.models import AuditEntry

    with transaction.atomic():
        created = model.objects.bulk_create(objs, **kwargs)
        if is_audited(model):
            who = _who()
            AuditEntry.objects.bulk_create(
                [_entry(o, "create", _created_changes(o), who, org_id) for o in created],
                batch_size=1000,
            )
            for o in created:
                o._audit_old = _snapshot(o)
    return created


def update(queryset, **values) -> int:
    """queryset.update(**values), with the old and new values of each row it changed. The rows are
    read under a lock first, so a compare-and-set filter (status=DRAFT, revision=n) keeps its
    meaning: the rows logged are exactly the rows updated."""
    from orgs.models import AuditEntry

    model = queryset.model
    if not is_audited(model):
        return queryset.update(**values)
    with transaction.atomic():
        rows = list(queryset.select_for_update(of=("self",)))
        if not rows:
            return 0
        pks = [r.pk for r in rows]
        count = model.objects.filter(pk__in=pks).update(**values)
        after = {r.pk: r for r in model.objects.filter(pk__in=pks)}
        who = _who()
        entries = []
        for row in rows:
            changes = _diff(model, _snapshot(row), _snapshot(after[row.pk]), set(values))
            if changes:
                entries.append(_entry(after[row.pk], "update", changes, who))
        AuditEntry.objects.bulk_create(entries, batch_size=1000)
    return count


class AuditMiddleware:
    """Names the acting user for the log and runs every unsafe request (POST, PUT, PATCH, DELETE) in
    one transaction, so a write and its audit entry commit together or not at all. Safe requests
    stay outside a transaction: on SQLite (IMMEDIATE mode) that keeps reads from queueing."""

    SAFE = {"GET", "HEAD", "OPTIONS", "TRACE"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            if request.method in self.SAFE:
                return self.get_response(request)
            with transaction.atomic():
                response = self.get_response(request)
                # the view's exception has already become a 500 response here: undo its writes
                if response.status_code >= 500:
                    transaction.set_rollback(True)
                return response
        finally:
            _request.reset(token)
