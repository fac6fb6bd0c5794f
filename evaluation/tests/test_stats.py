"""Survey statistics checked against values computed independently with the statistics module."""

import random
import statistics
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.exceptions import ValidationError

from evaluation import services
from evaluation.models import BandScheme, Channel, SurveyTemplate
from evaluation.stats import band_of, survey_result

pytestmark = pytest.mark.django_db
PROFILE = {"sex": "f", "age_band": "31_40", "education": "bachelor", "occupation": "farmer"}


def r2(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture
def likert(cast, plan_a, reference_lists):
    template = SurveyTemplate.objects.get(code="likert_overall")
    return services.survey_create(
        org=cast.a, fiscal_year=2568, template=template, title="ความพึงพอใจ ปี 2568"
    )


def test_item_and_overall_means_and_sds_match_the_statistics_module(likert):
    rng = random.Random(3)
    items = list(likert.template.items.all())
    given = {i.pk: [] for i in items}
    for n in range(37):
        answers = {(i.pk, None): rng.choice([2, 3, 4, 4, 5, 5, 5]) for i in items}
        for (item, _), v in answers.items():
            given[item].append(v)
        profile = {**PROFILE, "sex": "m" if n % 3 else "f"}
        services.response_submit(
            survey=likert, channel=Channel.PAPER, profile=profile, answers=answers
        )
    result = survey_result(likert)
    assert result.respondents == 37
    for row in result.items:
        values = given[items[row.number - 1].pk]
        assert row.stat.n == 37
        assert row.stat.mean == r2(statistics.mean(values))
        assert row.stat.sd == r2(statistics.stdev(values))  # sample S.D. (n − 1)
        five = sum(1 for v in values if v == 5)
        assert row.stat.shares[0] == ("มากที่สุด", five, r2(100 * five / 37))
    everything = [v for vs in given.values() for v in vs]
    assert result.overall.mean == r2(statistics.mean(everything))
    assert result.overall.sd == r2(statistics.stdev(everything))
    males = sum(1 for n in range(37) if n % 3)
    assert result.profile["เพศ"][0] == ("ชาย", males, r2(100 * males / 37))


@pytest.mark.parametrize(
    ("scheme", "mean", "label"),
    [
        ("half", "4.51", "มากที่สุด"),
        ("half", "4.50", "มาก"),
        ("half", "3.51", "มาก"),
        ("half", "3.50", "ปานกลาง"),
        ("half", "1.51", "น้อย"),
        ("half", "1.50", "น้อยที่สุด"),
        ("equal", "4.21", "มากที่สุด"),
        ("equal", "4.20", "มาก"),
        ("equal", "2.61", "ปานกลาง"),
        ("equal", "2.60", "น้อย"),
        ("equal", "1.80", "น้อยที่สุด"),
        ("equal", "1.00", "น้อยที่สุด"),
    ],
)
def test_band_edges(reference_lists, scheme, mean, label):
    bands = list(BandScheme.objects.get(code=scheme).bands.all())
    assert band_of(Decimal(mean), bands) == label


def test_a_3_3_survey_is_answered_per_strategy_and_summarised_per_strategy(cast, plan_a):
    template = SurveyTemplate.objects.get(code="3_3")
    survey = services.survey_create(org=cast.a, fiscal_year=2568, template=template, title="3/3")
    items = list(template.items.all())
    s1, s2 = plan_a.s1, plan_a.s2
    for v1, v2 in ((8, 5), (10, 6), (9, 4)):
        answers = {(i.pk, s1.pk): v1 for i in items} | {(i.pk, s2.pk): v2 for i in items}
        services.response_submit(
            survey=survey, channel=Channel.WEB, profile=PROFILE, answers=answers
        )
    result = survey_result(survey)
    (name1, st1), (name2, st2) = result.by_strategy
    assert name1.startswith("1.") and st1.mean == Decimal("9.00") and st1.n == 27
    assert st2.mean == Decimal("5.00")
    assert st1.sd == r2(statistics.stdev([8] * 9 + [10] * 9 + [9] * 9))


def test_an_incomplete_or_out_of_scale_answer_is_refused(likert):
    items = list(likert.template.items.all())
    partial = {(i.pk, None): 5 for i in items[:-1]}
    with pytest.raises(ValidationError, match="ยังไม่ได้ตอบ 1 ข้อ"):
        services.response_submit(
            survey=likert, channel=Channel.WEB, profile=PROFILE, answers=partial
        )
    wrong = {(i.pk, None): 7 for i in items}
    with pytest.raises(ValidationError, match="ไม่ตรงกับแบบสอบถาม"):
        services.response_submit(survey=likert, channel=Channel.WEB, profile=PROFILE, answers=wrong)
    assert not likert.responses.exists()


def test_one_device_can_answer_only_a_few_times_a_day(likert):
    answers = {(i.pk, None): 4 for i in likert.template.items.all()}
    key = services.client_key("device-1", __import__("datetime").date.today())
    for _ in range(services.WEB_ANSWERS_PER_DEVICE_PER_DAY):
        services.response_submit(
            survey=likert, channel=Channel.WEB, profile=PROFILE, answers=answers, client=key
        )
    with pytest.raises(ValidationError, match="ครบจำนวน"):
        services.response_submit(
            survey=likert, channel=Channel.WEB, profile=PROFILE, answers=answers, client=key
        )
    assert likert.responses.count() == services.WEB_ANSWERS_PER_DEVICE_PER_DAY
