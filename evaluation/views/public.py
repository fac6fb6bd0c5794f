"""The citizen's side: answer a survey without logging in, from a link or a QR code."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from evaluation import services
from evaluation.forms import SurveyForm
from evaluation.models import Channel, Survey


def _client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")  # a proxy must set it (see README, production)


def answer(request, token):
    survey = Survey.objects.select_related("org", "template").filter(token=token).first()
    if survey is None:
        raise Http404("ไม่พบแบบสอบถาม")
    strategies = services.survey_strategies(survey)
    form = SurveyForm(request.POST or None, survey=survey, strategies=strategies)
    error = ""
    if request.method == "POST" and form.is_valid():
        key = services.client_key(
            _client_ip(request), request.META.get("HTTP_USER_AGENT", ""), timezone.localdate()
        )
        try:
            services.response_submit(
                survey=survey, channel=Channel.WEB, profile=form.profile(),
                answers=form.answers(), client=key,
            )  # fmt: skip
        except ValidationError as exc:
            error = "; ".join(exc.messages)
        else:
            return render(request, "evaluation/public_thanks.html", {"survey": survey})
    return render(
        request,
        "evaluation/public_answer.html",
        {"survey": survey, "form": form, "error": error},
        status=200 if survey.is_open else 410,
    )
