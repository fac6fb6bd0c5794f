"""The lookups of a row's save, written out: the month's save is the hot path of the quarter's
end (50 officers saving at once), and three ORM lookups cost it more than the rest of its reads
(docs/performance.md). Same instances, same checks as org_view and get_project_for_user."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.db import connection

from core import rawrows
from monitoring import sql
from orgs.access import Grant, check_org, keep_grants
from orgs.decorators import signed_in_or_401
from orgs.models import Organization, Province
from plans.access import check_project
from plans.models import Plan, Project

_LOOKED_UP = (Organization, Province, Project, Plan)


def row_lookups(user, code: str, project_id: int) -> tuple[Organization, Project]:
    """get_org_for_user(write=False) then get_project_for_user(write=True), for a row's save,
    from one statement (sql.ROW_SAVE_LOOKUPS) instead of three ORM queries: the month's save is
    the hot path of the quarter's end (docs/performance.md). Same instances, same checks."""
    statement = sql.ROW_SAVE_LOOKUPS.format(
        **{
            name: rawrows.columns(model, alias)
            for name, model, alias in zip(
                ("org", "province", "project", "plan"),
                _LOOKED_UP,
                ("o", "pv", "p", "pl"),
                strict=True,
            )
        }
    )
    params = {"code": code, "project": project_id, "user": user.pk}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    org = project = None
    if rows:
        parts, at = [], 0
        for model in _LOOKED_UP:
            n = rawrows.width(model)
            parts.append(rows[0][at : at + n])
            at += n
        org = rawrows.instance(Organization, parts[0])
        org.province = rawrows.instance(Province, parts[1])
        if parts[2][0] is not None:
            project = rawrows.instance(Project, parts[2])
            project.plan = rawrows.instance(Plan, parts[3])
        keep_grants(user, [Grant(*r[-4:]) for r in rows if r[-4] is not None])
    org = check_org(user, org)
    return org, check_project(user, org, project, write=True)


def row_view(view):
    """For a row's save: resolve <org_code> and <project_id> (row_lookups) and pass the
    Organization and the Project to the view, as org_view and get_project_for_user would."""

    @signed_in_or_401
    @login_required
    @wraps(view)
    def wrapper(request, org_code, *args, project_id, **kwargs):
        org, project = row_lookups(request.user, org_code, project_id)
        return view(request, org, *args, project=project, **kwargs)

    return wrapper
