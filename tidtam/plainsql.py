"""Model instances from written-out SQL, for the few lookups every request of the quarter-end burst
makes (the session, the user, the org, the user's roles, the project, its year).

The ORM builds a query's SQL anew each time it runs: ≈ 0.3 ms of CPU for a one-row lookup, against
≈ 0.03 ms for the same statement written out (bench/bench_load.py measures what that is worth under
load). Here the statement is written by hand and its row becomes an instance the way the ORM makes
one: every concrete field in declaration order, through the same database converters (SQLite hands
back decimals, dates and booleans as text and numbers), and the same post_init signal, so the audit
log sees the instance's old values as usual. Everything else keeps using the ORM.
"""

from functools import cache

from django.db import connection


def columns(model, alias: str) -> str:
    """The select list of a model's concrete fields, in the order instance() expects."""
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(f.column)}" for f in model._meta.concrete_fields)


def width(model) -> int:
    return len(model._meta.concrete_fields)


@cache
def _converters(model, vendor: str) -> tuple:
    out = []
    for f in model._meta.concrete_fields:
        col = f.get_col(model._meta.db_table)
        out.append(
            (col, tuple(connection.ops.get_db_converters(col) + f.get_db_converters(connection)))
        )
    return tuple(out)


def instance(model, values):
    """The model instance of a row selected with columns(model, ...)."""
    converters = _converters(model, connection.vendor)
    if len(values) != len(converters):
        raise ValueError(f"{model.__name__}: {len(values)} columns for {len(converters)} fields")
    row = []
    for (col, funcs), value in zip(converters, values, strict=True):
        for func in funcs:
            value = func(value, col, connection)
        row.append(value)
    attnames = [f.attname for f in model._meta.concrete_fields]
    return model.from_db(connection.alias, attnames, row)


def fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def for_update() -> str:
    """SELECT ... FOR UPDATE where the database has row locks; SQLite locks the whole file on the
    transaction's first write instead (IMMEDIATE mode, see settings)."""
    return " FOR UPDATE" if connection.features.has_select_for_update else ""


def insert(objs: list) -> None:
    """INSERT new instances of one model in one statement, their values prepared as the ORM prepares
    them (auto_now_add, JSON, dates on SQLite). No ids are read back and no signals are sent: for
    the audit log's own entries (orgs.audit.batched), which are written, never audited. A test holds
    every other write to the ORM."""
    if not objs:
        return
    model = type(objs[0])
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    table, names = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    rows = ", ".join(["(" + ", ".join(["%s"] * len(fields)) + ")"] * len(objs))
    sql = f"INSERT INTO {table} ({names}) VALUES {rows}"  # noqa: S608 - names from the model
    params = [f.get_db_prep_save(f.pre_save(obj, True), connection) for obj in objs for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
