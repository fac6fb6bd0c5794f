"""The audit trail: every write to tenant data leaves an entry — who, when, what, and the old and
new value of each changed field — written in the same transaction as the write.

Each app says in its AppConfig.ready() which of its models are audited, their Thai names and how a
row reaches its org (`register`); the app holding the log's own model names it (`keep_log_in`).
This module knows no app's models. Single-row writes (save, create, delete, and the rows a queryset
.delete() collects) are caught by signals connected to each audited model. The two writes Django
does without signals go through this module instead: `bulk_create(model, objs)` and
`update(queryset, **values)`; an architecture test refuses raw bulk_create/update anywhere else.
Who is acting comes from the request (the middleware below) or, for management commands, from
`acting(...)`. Writes of a web or API request run inside one transaction opened by the middleware,
so a failed audit insert undoes the write.

The old values a save is compared with are the row as it was loaded, kept by reference when the
row is read (no copy) and turned into a snapshot only when the instance is saved; an instance that
was not loaded from the database (built with a pk and saved) has its old row read at its save.
"""

import contextvars
import datetime
import decimal
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from core.clients import client_ip

# Fields never copied into the log (secrets) or not worth an entry (bookkeeping).
HIDDEN = {"password", "key_hash"}
# A save whose only change is who last saved it changed nothing a person entered: no entry.
IGNORED = {"last_login", "last_used_at", "updated_at", "updated_by"}


@dataclass
class Audited:
    """What the log knows of one audited model: its Thai name and the attribute path from a row
    to its org's id ("" for a model with an `org` field of its own, None for a province- or
    system-wide model whose entries have no org)."""

    name: str | None  # None: its app gave none (a test refuses that)
    org_path: str | None


_AUDITED: dict[str, Audited] = {}
_LOG: list[type[models.Model]] = []


def keep_log_in(model: type[models.Model]) -> None:
    """The model of the log's entries (fields org_id, user_id, actor, address, action, model,
    object_id, label, changes), named by the app that holds it."""
    _LOG[:] = [model]


def _log_model() -> type[models.Model]:
    if not _LOG:
        raise RuntimeError("no audit log model: keep_log_in() was not called")
    return _LOG[0]


def register(
    app_label: str,
    *,
    names: dict[str, str],
    org_paths: dict[str, str | None],
    skip: tuple[str, ...] = (),
    only: tuple[str, ...] | None = None,
) -> None:
    """Audit the managed models of an app (called from its AppConfig.ready()): all but `skip`,
    or `only` those. `names` gives each its Thai name (a test requires one for every audited
    model); `org_paths` how a row reaches its org's id ("plan.org_id"), "" where the model has an
    `org` field, None where it has none (province- or system-wide)."""
    for model in apps.get_app_config(app_label).get_models():
        name = model.__name__
        if not model._meta.managed or name in skip or (only is not None and name not in only):
            continue
        _AUDITED[model._meta.label] = Audited(names.get(name), org_paths.get(name, ""))
        _connect(model)


JSON_KEYS: dict[str, dict[str, str]] = {}
"""The Thai names of the keys a JSON field holds, by "app.Model.field" (the audit page shows a
submission's numbers by name); an app adds its own in AppConfig.ready()."""

SYSTEM = "ระบบ (คำสั่งผู้ดูแล)"
PUBLIC = "ประชาชน (ไม่ระบุชื่อ)"

_request: contextvars.ContextVar[Any] = contextvars.ContextVar("audit_request", default=None)
_actor: contextvars.ContextVar[tuple[Any, str] | None] = contextvars.ContextVar(
    "audit_actor", default=None
)
_pending: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "audit_pending", default=None
)


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
    return [apps.get_model(label) for label in _AUDITED]


def how_audited(model) -> Audited | None:
    return _AUDITED.get(model._meta.label)


def thai_name(model) -> str:
    """The model's name in the log (ประวัติการแก้ไข): the one its app registered."""
    audited = _AUDITED.get(model._meta.label)
    return audited.name if audited and audited.name else str(model._meta.verbose_name)


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
    audited = _AUDITED.get(instance._meta.label)
    path = audited.org_path if audited else ""
    if path is None:
        return None
    if not path:
        return getattr(instance, "org_id", None)
    value = instance
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _entry(instance, action: str, changes: dict, who=None, org_id=None):
    user_id, actor, address = who or _who()
    return _log_model()(
        org_id=org_id or _org_id(instance),
        user_id=user_id,
        actor=actor,
        address=address,
        action=action,
        model=instance._meta.label,
        object_id=str(instance.pk)[:40],
        label=_label(instance),
        changes=changes,
    )


def _label(instance) -> str:
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
    if pending:  # one statement; not reached when the block raised: nothing to log
        from core import rawrows

        if len(pending) <= 20:
            rawrows.insert(pending)  # without the ORM's query building (a hot path's few)
        else:
            _log_model()._default_manager.bulk_create(pending)


def _record(entry, using) -> None:
    pending = _pending.get()
    if pending is not None and using in (None, "default"):
        pending.append(entry)
    else:
        entry.save(using=using)


def _loading(original):
    """Model.from_db, keeping a reference to the row it was made from (no copy: the snapshot of
    the old values is only made if the instance is saved)."""

    def from_db(cls, db, field_names, values, **kwargs):
        instance = original(cls, db, field_names, values, **kwargs)
        instance.__dict__["_audit_loaded"] = (field_names, values)
        return instance

    return classmethod(from_db)


def _old(instance) -> dict:
    """The values the instance had when it was loaded or last saved."""
    data = instance.__dict__
    old = data.get("_audit_old")
    if old is None:
        loaded = data.get("_audit_loaded")
        old = dict(zip(*loaded, strict=True)) if loaded is not None else {}
        data["_audit_old"] = old
    return old


def _on_pre_save(sender, instance, raw=False, using=None, **kwargs):
    """An instance built in code with the pk of an existing row (not loaded): its old values are
    read now, before the save overwrites them. Loaded and new rows cost nothing here."""
    data = instance.__dict__
    if raw or instance.pk is None or "_audit_old" in data or "_audit_loaded" in data:
        return
    names = [f.attname for f in _fields(sender)]
    row = sender._base_manager.using(using).filter(pk=instance.pk).values(*names).first()
    data["_audit_old"] = row or {}


def _on_save(sender, instance, created, raw=False, update_fields=None, using=None, **kwargs):
    if raw:  # loaddata / restore: the rows are the backup's, not a user's write
        instance._audit_old = _snapshot(instance)
        return
    new = _snapshot(instance)
    if created:
        changes, action = _created_changes(instance), "create"
    else:
        changes, action = _diff(sender, _old(instance), new, update_fields), "update"
    instance._audit_old = new
    if changes:
        _record(_entry(instance, action, changes), using)


def saved(instance, update_fields, using="default", *, created: bool = False) -> None:
    """The entry of a save made without Model.save (core.rawrows.save/create): _on_save's."""
    if is_audited(type(instance)):
        _on_save(type(instance), instance, created, update_fields=update_fields, using=using)


def _on_delete(sender, instance, using=None, origin=None, **kwargs):
    old = {
        f.name: _plain(getattr(instance, f.attname, None))
        for f in _fields(sender)
        if f.attname in instance.__dict__
    }
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


def _connect(model) -> None:
    """Signals on each audited model only, so unaudited tables keep Django's fast bulk delete (a
    receiver on every model would make each .delete() fetch its rows)."""
    if getattr(model, "_audit_on", False):
        return
    model._audit_on = True
    model._audit_from_db = model.__dict__.get("from_db")
    model.from_db = _loading(model.from_db.__func__)
    uid = f"audit:{model._meta.label}"
    pre_save.connect(_on_pre_save, sender=model, dispatch_uid=uid, weak=False)
    post_save.connect(_on_save, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid, weak=False)
    for field in model._meta.many_to_many:
        m2m_changed.connect(
            _on_m2m, sender=field.remote_field.through, dispatch_uid=uid, weak=False
        )


def disconnect(model) -> None:
    """The model as if it were not audited (for measuring what the audit costs)."""
    if not getattr(model, "_audit_on", False):
        return
    uid = f"audit:{model._meta.label}"
    for signal in (pre_save, post_save, post_delete):
        signal.disconnect(sender=model, dispatch_uid=uid)
    for field in model._meta.many_to_many:
        m2m_changed.disconnect(sender=field.remote_field.through, dispatch_uid=uid)
    if model._audit_from_db is None:
        del model.from_db  # back to the inherited Model.from_db
    else:
        model.from_db = model._audit_from_db
    model._audit_on = False
    _AUDITED.pop(model._meta.label, None)


def bulk_create(model, objs, *, org_id: int | None = None, **kwargs):
    """Model.objects.bulk_create, and one create entry per row (in one more insert). Pass org_id
    when every row belongs to one org the rows do not reach without a query."""
    with transaction.atomic():
        created = model.objects.bulk_create(objs, **kwargs)
        if is_audited(model):
            who = _who()
            _log_model()._default_manager.bulk_create(
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
        _log_model()._default_manager.bulk_create(entries, batch_size=1000)
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
