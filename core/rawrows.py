"""Model instances from the columns of a hand-written statement, as the ORM would build them.

For the few statements of a hot path written out in SQL (monitoring/sql.py) that read whole rows
of several models at once: `columns(model, "py")` lists the model's columns for the SELECT, and
`instance(model, values)` turns the matching slice of a result row into an instance through
Model.from_db, with the same value converters the ORM applies (SQLite gives dates as text and
decimals as floats). The instance is a loaded row like any other: its save is audited against
the values it was read with (core.audit).
"""

from functools import cache
from typing import Any

from django.db import connections, models


def _fields(model: Any) -> list[Any]:
    return list(model._meta.concrete_fields)


def columns(model: type[models.Model], alias: str) -> str:
    """The model's columns, qualified by the table alias, in its fields' order."""
    quote = connections["default"].ops.quote_name
    return ", ".join(f"{alias}.{quote(str(f.column))}" for f in _fields(model))


def width(model: type[models.Model]) -> int:
    return len(_fields(model))


@cache
def _converters(model: Any, using: str) -> tuple:
    connection = connections[using]
    found = []
    for f in _fields(model):
        col = f.get_col(model._meta.db_table)
        converters = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
        found.append((col, converters))
    return tuple(found)


def instance(model, values, using: str = "default"):
    """An instance of `model` from its columns' values (in the order of `columns`)."""
    connection = connections[using]
    converted = []
    for value, (col, converters) in zip(values, _converters(model, using), strict=True):
        for converter in converters:
            value = converter(value, col, connection)
        converted.append(value)
    return model.from_db(using, [f.attname for f in _fields(model)], converted)


@cache
def _update_statement(
    model: Any, names: tuple[str, ...], where: tuple[str, ...], using: str
) -> str:
    quote = connections[using].ops.quote_name

    def column(name: str) -> str:
        return quote(str(model._meta.get_field(name).column))

    sets = ", ".join(f"{column(n)} = %s" for n in names)
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    also = "".join(f" AND {column(n)} = %s" for n in where)
    return f"UPDATE {table} SET {sets} WHERE {pk} = %s{also}"  # noqa: S608 - names from _meta


def save(
    instance: models.Model,
    names: tuple[str, ...],
    using: str = "default",
    *,
    where: dict[str, Any] | None = None,
) -> bool:
    """instance.save(update_fields=names) as one UPDATE made from the model's _meta, without the
    ORM's query building; values are prepared by their fields as the ORM prepares them (auto_now
    included) and the audit entry is the one save() makes (core.audit.saved). `where`: a
    compare-and-set (field → the value the row must still hold). False, with nothing written or
    logged, when no row matched. For a row loaded (or just saved) in this transaction, on a hot
    path: no other receiver of the model's save signals is called, so a model with one must not
    be saved here."""
    from core import audit

    model: Any = type(instance)
    connection = connections[using]
    _check_writable(model)
    values = []
    for name in names:
        f = model._meta.get_field(name)
        value = f.pre_save(instance, add=False)
        values.append(f.get_db_prep_save(value, connection))
    where = where or {}
    expected = [model._meta.get_field(n).get_db_prep_save(v, connection) for n, v in where.items()]
    statement = _update_statement(model, tuple(names), tuple(where), using)
    with connection.cursor() as cursor:
        cursor.execute(statement, [*values, instance.pk, *expected])
        if cursor.rowcount != 1:
            return False
    audit.saved(instance, names, using)
    return True


@cache
def _check_writable(model: Any) -> None:
    """Only models whose rows the statements here write exactly as the ORM would: an automatic
    key, no generated field, no database default (their values would have to be read back)."""
    for f in model._meta.concrete_fields:
        if getattr(f, "generated", False) or f.db_default is not models.NOT_PROVIDED:
            raise TypeError(f"{model._meta.label}.{f.name}: not written by core.rawrows")
    if not isinstance(model._meta.pk, models.AutoField | models.BigAutoField):
        raise TypeError(f"{model._meta.label}: core.rawrows writes rows with an automatic key")


@cache
def _insert_statement(model: Any, using: str, rows: int) -> str:
    quote = connections[using].ops.quote_name
    fields = [f for f in _fields(model) if not f.primary_key]
    names = ", ".join(quote(str(f.column)) for f in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    table = quote(model._meta.db_table)
    return f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * rows)}"  # noqa: S608


def insert(objs: list[Any], using: str = "default") -> None:
    """bulk_create(objs) for a few rows of one unaudited model (the log's own entries), as one
    INSERT made from the model's _meta. The rows get no pk back (none of its callers reads it)."""
    if not objs:
        return
    model: Any = type(objs[0])
    connection = connections[using]
    _check_writable(model)
    fields = [f for f in _fields(model) if not f.primary_key]
    values = [
        f.get_db_prep_save(f.pre_save(obj, add=True), connection) for obj in objs for f in fields
    ]
    with connection.cursor() as cursor:
        cursor.execute(_insert_statement(model, using, len(objs)), values)


def create(instance: models.Model, using: str = "default") -> None:
    """instance.save() of a new row as one INSERT made from the model's _meta (see save): its pk
    set from the database, and the audit entry save() makes (core.audit.saved)."""
    from core import audit

    model: Any = type(instance)
    connection = connections[using]
    _check_writable(model)
    fields = [f for f in _fields(model) if not f.primary_key]
    values = [f.get_db_prep_save(f.pre_save(instance, add=True), connection) for f in fields]
    statement = _insert_statement(model, using, 1)
    returning = connection.features.can_return_columns_from_insert
    if returning:
        statement += f" RETURNING {connection.ops.quote_name(model._meta.pk.column)}"
    with connection.cursor() as cursor:
        cursor.execute(statement, values)
        instance.pk = cursor.fetchone()[0] if returning else cursor.lastrowid
    instance._state.adding, instance._state.db = False, using
    audit.saved(instance, None, using, created=True)
