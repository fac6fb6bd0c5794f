"""The public answer page (no login, spam guards) and the officer's survey pages."""

import secrets
import time
from unittest import mock

import pytest
from django.core import signing
from django.urls import reverse

from evaluation import services
from evaluation.forms import SALT
from evaluation.models import Channel, SurveyTemplate

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(cast, plan_a, reference_lists):
    return services.survey_create(
        org=cast.a,
        fiscal_year=2568,
        template=SurveyTemplate.objects.get(code="likert_overall"),
        title="ความพึงพอใจต่อการดำเนินงาน ปี 2568",
    )


def shown(seconds_ago: float) -> str:
    with mock.patch("django.core.signing.time.time", return_value=time.time() - seconds_ago):
        return signing.dumps(
            secrets.token_hex(16), salt=SALT
        )  # like the form: one id per shown form


def filled(survey, **extra):
    data = {
        "sex": "f",
        "age_band": "41_50",
        "education": "secondary",
        "occupation": "farmer",
        "website": "",
        "shown": shown(60),
    }
    for item in survey.template.items.all():
        data[f"q_{item.pk}_0"] = "4"
    return {**data, **extra}


def test_a_citizen_answers_without_logging_in(client, survey):
    url = reverse("survey_answer", args=[survey.token])
    page = client.get(url)
    assert page.status_code == 200 and "ส่งคำตอบ" in page.content.decode()
    done = client.post(url, filled(survey), REMOTE_ADDR="198.51.100.7")
    assert 'id="thanks"' in done.content.decode()
    assert f'href="/p/{survey.org.code}/" id="to-public"' in done.content.decode()  # not a dead end
    response = survey.responses.get()
    assert response.channel == Channel.WEB and len(response.client) == 64
    assert "198.51.100.7" not in response.client


@pytest.mark.parametrize(
    ("extra", "text"),
    [
        ({"website": "http://spam.example"}, "ไม่สามารถรับคำตอบนี้ได้"),
        ({"shown": "forged"}, "แบบฟอร์มไม่ถูกต้อง"),
        ({"shown": None}, "ส่งเร็วเกินไป"),
    ],
)
def test_bots_are_turned_away_and_nothing_is_saved(client, survey, extra, text):
    if extra.get("shown", "") is None:
        extra = {"shown": shown(1)}
    body = client.post(reverse("survey_answer", args=[survey.token]), filled(survey, **extra))
    assert text in body.content.decode()
    assert not survey.responses.exists()


def test_a_missing_answer_is_marked_and_nothing_is_saved(client, survey):
    data = filled(survey)
    del data[next(k for k in data if k.startswith("q_"))]
    body = client.post(reverse("survey_answer", args=[survey.token]), data).content.decode()
    assert "กรุณาตอบให้ครบทุกข้อ" in body and "q-missing" in body
    assert not survey.responses.exists()


def test_a_closed_survey_takes_no_answers(client, survey):
    survey.is_open = False
    survey.save()
    response = client.post(reverse("survey_answer", args=[survey.token]), filled(survey))
    assert response.status_code == 410 and not survey.responses.exists()


def test_the_officer_types_in_paper_forms_and_sees_the_results(
    client, cast, survey, django_assert_max_num_queries
):
    client.force_login(cast.alice)
    data = filled(survey)
    data.pop("shown")
    data["shown"] = signing.dumps(0, salt=SALT)  # typed straight away: no timing check on paper
    client.post(reverse("evaluation:paper", args=[cast.a.code, survey.pk]), data)
    assert survey.responses.get().channel == Channel.PAPER
    with django_assert_max_num_queries(20):
        page = client.get(reverse("evaluation:survey", args=[cast.a.code, survey.pk]))
    body = page.content.decode()
    assert 'id="respondents">1<' in body and 'id="overall-mean">4.00<' in body
    assert "<svg" in body  # the QR code


def test_a_committee_member_reads_results_but_cannot_enter_paper_forms(client, cast, survey):
    client.force_login(cast.carl)
    assert (
        client.get(reverse("evaluation:survey", args=[cast.a.code, survey.pk])).status_code == 200
    )
    response = client.post(
        reverse("evaluation:paper", args=[cast.a.code, survey.pk]), filled(survey)
    )
    assert response.status_code == 403 and not survey.responses.exists()


def _answer(client, survey, data, **headers):
    return client.post(reverse("survey_answer", args=[survey.token]), data, **headers)


def test_one_shown_form_is_counted_once_whatever_the_user_agent(client, survey):
    """The attack as made: 30 posts of one shown form with varied User-Agents were all counted."""
    client.get(reverse("survey_answer", args=[survey.token]))
    data = filled(survey)
    bodies = [
        _answer(
            client,
            survey,
            data,
            HTTP_USER_AGENT=f"Agent/{n}",
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).content.decode()
        for n in range(30)
    ]
    assert survey.responses.count() == 1
    assert 'id="thanks"' in bodies[0] and "ส่งคำตอบไปแล้ว" in bodies[1]


def test_a_device_cookie_and_an_address_cap_the_answers_of_a_day(client, survey):
    from django.test import Client

    page = client.get(reverse("survey_answer", args=[survey.token]))
    assert "tidtam_device" in page.cookies and page.cookies["tidtam_device"]["httponly"]
    for n in range(5):  # fresh forms, varied User-Agents, one browser
        _answer(client, survey, filled(survey, shown=shown(60 + n)), HTTP_USER_AGENT=f"A{n}")
    assert survey.responses.count() == services.WEB_ANSWERS_PER_DEVICE_PER_DAY
    # a script that drops its cookie and rotates forms is held by the address behind the proxy
    for n in range(services.WEB_ANSWERS_PER_ADDRESS_PER_DAY + 5):
        bot = Client()  # a new device each time: only the address ties the posts together
        bot.get(
            reverse("survey_answer", args=[survey.token]),
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.50",
        )
        _answer(
            bot,
            survey,
            filled(survey, shown=shown(90 + n)),
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.50",
        )
    from_there = services.address_key("198.51.100.50", __import__("datetime").date.today())
    assert (
        survey.responses.filter(address=from_there).count()
        == services.WEB_ANSWERS_PER_ADDRESS_PER_DAY
    )
    # a neighbour at another address still answers
    other = Client()
    done = _answer(
        other,
        survey,
        filled(survey, shown=shown(61)),
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.51",
    )
    assert 'id="thanks"' in done.content.decode()


def test_the_audit_and_the_cap_see_the_real_address_not_the_proxy(client, survey):
    from orgs.models import AuditEntry

    _answer(
        client, survey, filled(survey), REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.77"
    )
    assert AuditEntry.objects.filter(address="203.0.113.77").exists()
    assert not AuditEntry.objects.filter(address="127.0.0.1").exists()
    # a client that is not the proxy cannot pick its address with the header
    _answer(
        client,
        survey,
        filled(survey, shown=shown(70)),
        REMOTE_ADDR="192.0.2.8",
        HTTP_X_FORWARDED_FOR="203.0.113.99",
    )
    assert not AuditEntry.objects.filter(address="203.0.113.99").exists()


def test_taro_yamane_sample_size_and_the_printable_poster(client, cast, survey):
    from evaluation.stats import yamane

    assert yamane(8450) == 382 and yamane(100) == 80 and yamane(0) == 0
    client.force_login(cast.alice)
    url = reverse("evaluation:survey", args=[cast.a.code, survey.pk])
    page = client.get(url, {"population": "8,450"}).content.decode()
    needed = page.split('id="needed"')[1].split("</p>")[0]
    assert "382" in needed and "ยังขาด" in needed and "ทาโร่ ยามาเน่" in needed
    assert "กรอกจำนวนประชากรเป็นตัวเลข" in client.get(url, {"population": "abc"}).content.decode()
    poster = client.get(reverse("evaluation:survey_poster", args=[cast.a.code, survey.pk]))
    body = poster.content.decode()
    assert poster.status_code == 200 and "<svg" in body and survey.token in body
    assert "ขอเชิญร่วมตอบแบบสำรวจความพึงพอใจ" in body and cast.a.name in body
