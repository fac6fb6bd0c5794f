"""A row's save reads its org, the user's roles and the project in one statement
(monitoring.views.row_lookups): for every user, org and project it must answer exactly as the
checked getters do (orgs.access.get_org_for_user, then plans.access.get_project_for_user with
write=True) — the same org and project, or the same 404 / 403."""

import itertools
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from monitoring.views.row_lookups import row_lookups
from orgs.access import get_org_for_user
from orgs.models import Division, Membership, Role
from plans import services
from plans.access import get_project_for_user
from plans.services import ProjectData

pytestmark = pytest.mark.django_db


def outcome(lookup):
    try:
        org, project = lookup()
    except Http404:
        return "404"
    except PermissionDenied:
        return "403"
    return ("ok", org.pk, org.province_id, project.pk, project.plan_id, project.plan.org_id)


def test_the_one_statement_answers_as_the_checked_getters_for_everyone(
    cast, plan_a, django_user_model
):
    draft = services.edition_create(plan=plan_a, kind="change", number=1, year=2567)
    (in_draft,) = services.projects_bulk_add(
        edition=draft,
        rows=[
            ProjectData(
                strategy=plan_a.s1,
                tactic=plan_a.t11,
                program=plan_a.works,
                name="โครงการในร่าง",
                division=cast.works,
                budgets={2568: Decimal(1000)},
            )
        ],
    )
    plan_b = services.plan_create(org=cast.b, start_year=2566, end_year=2570)
    strategy_b = services.strategy_create(plan=plan_b, number=1, name="ยุทธศาสตร์ของ ข")
    edition_b = services.edition_create(plan=plan_b, kind="original")
    (of_b,) = services.projects_bulk_add(
        edition=edition_b,
        rows=[ProjectData(strategy=strategy_b, program=plan_a.works, name="โครงการของ ข")],
    )
    finance = Division.objects.create(org=cast.a, name="กองคลัง")
    eve = django_user_model.objects.create_user("eve", password="x")
    Membership.objects.create(user=eve, org=cast.a, role=Role.DIVISION_HEAD, division=finance)
    root = django_user_model.objects.create_superuser("root", password="x")
    nobody = django_user_model.objects.create_user("nobody", password="x")
    users = [cast.alice, cast.dana, cast.carl, cast.bob, cast.pat, cast.olga, eve, root, nobody]
    codes = [cast.a.code, cast.b.code, cast.far.code, cast.pao.code, "nope"]
    projects = [p.pk for p in plan_a.projects_] + [in_draft.project_id, of_b.project_id, 999999]
    seen = set()
    for user, code, pid in itertools.product(users, codes, projects):

        def by_getters(user=user, code=code, pid=pid):
            fresh = type(user).objects.get(pk=user.pk)
            org = get_org_for_user(fresh, code)
            return org, get_project_for_user(fresh, org, pid, write=True)

        def by_statement(user=user, code=code, pid=pid):
            return row_lookups(type(user).objects.get(pk=user.pk), code, pid)

        expected = outcome(by_getters)
        assert outcome(by_statement) == expected, (user.username, code, pid)
        seen.add(expected if isinstance(expected, str) else "ok")
    assert seen == {"ok", "403", "404"}  # every kind of answer was asked for
