"""Every org-scoped URL, generated from the URL conf, answers 404 to users of other orgs."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

SAMPLE = {
    "seq": 1,
    "fy": 2568,
    "month": 3,
    "fmt": "pdf",
    "code": "q1",
    "period": "q1",
    "submission_id": 1,
    "pair_id": 1,
    "token": "0" * 32,
    "kind": "thumb",
    "job_id": 1,
    "uidb64": "MQ",  # an invitation / password-reset link of user 1, with a wrong token
}


# Pages meant for everyone (published reports, survey links); they are tested in reports/tests.
PUBLIC = {
    "public_org",
    "public_annual",
    "open_plan",
    "open_reports",
    "public_map",
    "public_photo",
    "public_ita",
    "open_projects",
}


def all_org_patterns():
    """(name, full pattern, kwargs names) of every URL that carries an org code."""
    found = []

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace or namespace
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern) and "org_code" in prefix + str(p.pattern):
                name = f"{namespace}:{p.name}" if namespace else p.name
                found.append(
                    (name, prefix + str(p.pattern), list(p.pattern.converters) + ["org_code"])
                )

    walk(get_resolver().url_patterns, "", None)
    return found


def org_urls():
    """(name, kwargs names) of every pattern under /o/<org_code>/, found by walking the resolver."""
    return [(name, keys) for name, pattern, keys in all_org_patterns() if pattern.startswith("o/")]


def test_every_url_with_an_org_code_is_either_behind_login_or_deliberately_public():
    stray = {name for name, pattern, _ in all_org_patterns() if not pattern.startswith("o/")}
    assert stray == PUBLIC


def _evidence(plan):
    """An evidence photo on org A's first project in FY2568 (budgeted, so it is tracked)."""
    import datetime as dt
    from decimal import Decimal

    from django.core.files.uploadedfile import SimpleUploadedFile

    from monitoring.services import evidence_add
    from plans.services import budget_line_add, ordinance_create

    project = plan.projects_[2]  # budgeted every year
    ordinance = ordinance_create(
        org=plan.org, fiscal_year=2568, kind="annual", promulgated_on=dt.date(2024, 9, 20)
    )
    line = budget_line_add(ordinance=ordinance, project=project, amount=Decimal(250000))
    photo = SimpleUploadedFile("site.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    return evidence_add(org=plan.org, fiscal_year=2568, project=project, upload=photo), line


def _photo(plan):
    from monitoring.models import Stage
    from monitoring.services.photos import photo_add
    from monitoring.tests.photo_files import phone_jpeg, upload

    return photo_add(
        org=plan.org,
        fiscal_year=2568,
        project=plan.projects_[2],
        stage=Stage.AFTER,
        upload=upload(phone_jpeg()),
    ).photo


def object_ids(plan):
    """Real ids of org A's objects, one for every kind of id a URL can carry."""
    from decimal import Decimal

    from plans.services import kpi_save

    kpi = kpi_save(strategy=plan.s1, name="ระยะทางถนน", targets={2567: Decimal(1)})
    evidence, line = _evidence(plan)
    from evaluation.models import SurveyTemplate
    from evaluation.services import survey_create

    survey = survey_create(
        org=plan.org, fiscal_year=2568, template=SurveyTemplate.objects.get(code="3_2"), title="x"
    )
    return {
        "survey_id": survey.pk,
        "evidence_id": evidence.pk,
        "photo_id": _photo(plan).pk,
        "line_id": line.pk,
        "project_id": plan.projects_[2].pk,
        "strategy_id": plan.s1.pk,
        "tactic_id": plan.t11.pk,
        "kpi_id": kpi.pk,
        "division_id": plan.org.divisions.first().pk,
        "user_id": plan.org.memberships.first().user_id,
    }


def url_for(name, keys, org_code, ids):
    values = {**SAMPLE, "org_code": org_code, **ids}
    missing = set(keys) - set(values)
    assert not missing, f"{name}: give the tenant test a real id for {missing}"
    return reverse(name, kwargs={k: values[k] for k in set(keys)})


def test_it_finds_the_org_scoped_urls():
    names = {n for n, _ in org_urls()}
    assert {"plans:overview", "plans:project", "exchange:import", "reports:p01"} <= names
    assert len(names) >= 20


@pytest.mark.parametrize("who", ["bob", "olga"])
def test_it_answers_404_on_every_url_of_a_foreign_org(client, cast, plan_a, who):
    client.force_login(getattr(cast, who))
    ids = object_ids(plan_a)
    for name, keys in org_urls():
        url = url_for(name, keys, cast.a.code, ids)
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 404, (
                f"{method.__name__.upper()} {url} → {response.status_code}"
            )


def test_it_hides_a_projects_existence_behind_another_orgs_code(client, cast, plan_a):
    """Bob uses his own org's code with org A's project id: still 404."""
    from plans.services import plan_create

    plan_create(org=cast.b, start_year=2566, end_year=2570)
    client.force_login(cast.bob)
    url = reverse(
        "plans:project", kwargs={"org_code": cast.b.code, "project_id": plan_a.projects_[0].pk}
    )
    assert client.get(url).status_code == 404


def test_it_hides_org_a_objects_behind_org_b_code_on_every_url(client, cast, plan_a):
    """Bob, on his own org's URLs, with the ids of org A's objects: 404 for each, GET and POST."""
    from plans.services import plan_create

    plan_create(org=cast.b, start_year=2566, end_year=2570)
    ids = object_ids(plan_a)
    client.force_login(cast.bob)
    for name, keys in org_urls():
        if not set(keys) & set(ids):
            continue
        url = url_for(name, keys, cast.b.code, ids)
        for method in (client.get, client.post):
            status = method(url).status_code
            assert status in (404, 405), f"{method.__name__.upper()} {url} → {status}"


def test_it_lets_the_provincial_analyst_read_but_not_write(client, cast, plan_a):
    client.force_login(cast.pat)
    assert client.get(reverse("plans:overview", args=[cast.a.code])).status_code == 200
    assert client.get(reverse("exchange:import", args=[cast.a.code])).status_code == 403
    client.force_login(cast.olga)
    assert client.get(reverse("plans:overview", args=[cast.a.code])).status_code == 404


def test_it_sends_anonymous_users_to_login(client, cast):
    response = client.get(reverse("plans:overview", args=[cast.a.code]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_limits_a_division_head_to_own_division_projects(client, cast, plan_a):
    from plans import services

    services.edition_create(plan=plan_a, kind="change", number=1, year=2567)
    client.force_login(cast.dana)
    own, other = (
        plan_a.projects_[0],
        plan_a.projects_[1],
    )  # first is กองช่าง's, second has no division
    assert client.get(reverse("plans:project_edit", args=[cast.a.code, own.pk])).status_code == 200
    assert (
        client.get(reverse("plans:project_edit", args=[cast.a.code, other.pk])).status_code == 403
    )
    client.force_login(cast.carl)
    assert client.get(reverse("plans:project_edit", args=[cast.a.code, own.pk])).status_code == 403
