"""The officer's side of surveys: create, share (link + QR), type in paper forms, read results."""

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.web import form_errors, this_fy
from evaluation import services
from evaluation.forms import SurveyCreateForm, SurveyForm
from evaluation.models import Channel, Survey
from evaluation.stats import survey_result, yamane
from orgs.access import can_write
from orgs.decorators import org_view
from thai.digits import arabic_digits


def get_survey(org, survey_id) -> Survey:
    survey = Survey.objects.select_related("template").filter(org=org, pk=survey_id).first()
    if survey is None:
        raise Http404("ไม่พบแบบสอบถาม")
    return survey


@org_view()
def survey_list(request, org):
    from django.db.models import Count

    surveys = (
        Survey.objects.filter(org=org).select_related("template").annotate(n=Count("responses"))
    )
    form = SurveyCreateForm(request.POST or None, initial={"fiscal_year": this_fy()})
    if request.method == "POST":
        if not can_write(request.user, org):
            raise Http404
        if form.is_valid():
            survey = services.survey_create(org=org, **form.cleaned_data)
            messages.success(request, "สร้างแบบสำรวจแล้ว ส่งลิงก์หรือคิวอาร์โค้ดให้ประชาชนตอบได้เลย")
            return redirect("evaluation:survey", org.code, survey.pk)
        form_errors(request, form)
    return render(
        request,
        "evaluation/survey_list.html",
        {
            "org": org,
            "surveys": surveys,
            "form": form,
            "can_write": can_write(request.user, org),
            "section": "surveys",
        },
    )


@org_view()
def survey_detail(request, org, survey_id):
    survey = get_survey(org, survey_id)
    link = request.build_absolute_uri(reverse("survey_answer", args=[survey.token]))
    qr = segno.make(link, error="m").svg_inline(scale=4, dark="#0b5d4b")
    raw = arabic_digits(request.GET.get("population", "")).replace(",", "").strip()
    population = int(raw) if raw.isdigit() and 0 < int(raw) < 100_000_000 else None
    result = survey_result(survey)
    needed = yamane(population) if population else None
    return render(
        request,
        "evaluation/survey_detail.html",
        {
            "org": org,
            "survey": survey,
            "result": result,
            "link": link,
            "qr": qr,
            "population": population,
            "needed": needed,
            "population_raw": request.GET.get("population", "")[:20],
            "still": max(0, needed - result.respondents) if needed else None,
            "population_error": bool(raw) and population is None,
            "can_write": can_write(request.user, org),
            "section": "surveys",
        },
    )


@org_view()
def survey_poster(request, org, survey_id):
    """A printable A4 poster: the survey's title, a large QR code and the link."""
    survey = get_survey(org, survey_id)
    link = request.build_absolute_uri(reverse("survey_answer", args=[survey.token]))
    qr = segno.make(link, error="m").svg_inline(scale=12, dark="#000")
    return render(
        request,
        "evaluation/survey_poster.html",
        {"org": org, "survey": survey, "link": link, "qr": qr},
    )


@org_view(write=True)
def paper_entry(request, org, survey_id):
    """Type in a paper questionnaire: the same form, no timing check, counted as paper."""
    survey = get_survey(org, survey_id)
    strategies = services.survey_strategies(survey)
    form = SurveyForm(request.POST or None, survey=survey, strategies=strategies, check_time=False)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.response_submit(
                    survey=survey,
                    channel=Channel.PAPER,
                    profile=form.profile(),
                    answers=form.answers(),
                    entered_by=request.user,
                )
            except ValidationError as exc:
                messages.error(request, "; ".join(exc.messages))
            else:
                messages.success(request, f"บันทึกแบบสอบถามแล้ว (รวม {survey.responses.count():,} ชุด)")
                return redirect("evaluation:paper", org.code, survey.pk)
        else:
            messages.error(request, "กรุณาตอบให้ครบทุกข้อ (ข้อที่ยังไม่ได้ตอบมีกรอบสีแดง)")
    return render(
        request,
        "evaluation/paper_entry.html",
        {"org": org, "survey": survey, "form": form, "section": "surveys"},
    )


@org_view(write=True)
@require_POST
def survey_toggle(request, org, survey_id):
    survey = get_survey(org, survey_id)
    survey = services.survey_open_set(survey=survey, is_open=not survey.is_open)
    messages.success(request, "เปิดรับคำตอบแล้ว" if survey.is_open else "ปิดรับคำตอบแล้ว")
    return redirect("evaluation:survey", org.code, survey.pk)
