"""The citizen's side: answer a survey without logging in, from a link or a QR code.

Limits (evaluation.services): each shown form is accepted once; a device (its cookie) sends at
most WEB_ANSWERS_PER_DEVICE_PER_DAY answers a day to one survey, an address (as the trusted proxy
reports it) at most WEB_ANSWERS_PER_ADDRESS_PER_DAY; a filled honeypot or a too-fast post is
refused.
"""

import secrets

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from core.clients import client_ip
from evaluation import services
from evaluation.forms import SurveyForm
from evaluation.models import Channel, Survey

DEVICE_COOKIE = "tidtam_device"
DEVICE_SALT = "evaluation.survey-device"


def _device(request) -> str:
    """The device's own id from its cookie; without one, the address stands for the device."""
    device = request.get_signed_cookie(DEVICE_COOKIE, default="", salt=DEVICE_SALT)
    return device or f"no-cookie|{client_ip(request)}"


def answer(request, token):
    survey = Survey.objects.select_related("org", "template").filter(token=token).first()
    if survey is None:
        raise Http404("ไม่พบแบบสอบถาม")
    strategies = services.survey_strategies(survey)
    form = SurveyForm(request.POST or None, survey=survey, strategies=strategies)
    error = ""
    if request.method == "POST" and form.is_valid():
        today = timezone.localdate()
        try:
            services.response_submit(
                survey=survey,
                channel=Channel.WEB,
                profile=form.profile(),
                answers=form.answers(),
                client=services.client_key(_device(request), today),
                address=services.address_key(client_ip(request), today),
                form_token=form.form_token(),
            )
        except ValidationError as exc:
            error = "; ".join(exc.messages)
        else:
            return render(request, "evaluation/public_thanks.html", {"survey": survey})
    response = render(
        request,
        "evaluation/public_answer.html",
        {"survey": survey, "form": form, "error": error},
        status=200 if survey.is_open else 410,
    )
    try:
        request.get_signed_cookie(DEVICE_COOKIE, salt=DEVICE_SALT)
    except (KeyError, signing.BadSignature):
        response.set_signed_cookie(
            DEVICE_COOKIE,
            secrets.token_hex(16),
            salt=DEVICE_SALT,
            max_age=400 * 86400,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response
