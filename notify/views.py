import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from notify import line, services
from notify.deadlines import my_work
from notify.models import LineAccount, Preference

log = logging.getLogger("tidtam.notify")


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["by_email", "by_line", "frequency"]
        widgets = {"frequency": forms.RadioSelect}


@login_required
def my_work_page(request):
    today = timezone.localdate()
    items = my_work(request.user, today)
    return render(
        request,
        "notify/my_work.html",
        {
            "items": [i for i in items if not i.done],
            "done": [i for i in items if i.done],
            "today": today,
            "section": "my_work",
        },
    )


@login_required
def settings_page(request):
    pref = services.preference(request.user)
    form = PreferenceForm(request.POST or None, instance=pref)
    if request.method == "POST" and request.POST.get("action") == "code":
        services.new_link_code(request.user)
        return redirect("notify:settings")
    if request.method == "POST" and request.POST.get("action") == "unlink":
        services.unlink(request.user)
        messages.success(request, "ยกเลิกการเชื่อมบัญชี LINE แล้ว")
        return redirect("notify:settings")
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "บันทึกการตั้งค่าการแจ้งเตือนแล้ว")
        return redirect("notify:settings")
    account = LineAccount.objects.filter(user=request.user).first()
    code_valid = bool(account and account.code and account.code_expires_at > timezone.now())
    return render(
        request,
        "notify/settings.html",
        {
            "form": form,
            "account": account,
            "code_valid": code_valid,
            "oa_id": settings.LINE_OA_ID,
            "line_ready": line.configured(),
            "section": "my_work",
        },
    )


@csrf_exempt
@require_POST
def line_webhook(request):
    """LINE calls this with the OA's events (a person sending their link code)."""
    from linebot.v3.exceptions import InvalidSignatureError

    if not settings.LINE_CHANNEL_SECRET:
        return HttpResponseBadRequest("LINE is not configured")
    body = request.body.decode("utf-8", "replace")
    try:
        events = line.parse(body, request.headers.get("X-Line-Signature", ""))
    except InvalidSignatureError:
        log.warning("line webhook with a bad signature")
        return HttpResponseBadRequest("bad signature")
    services.handle_events(events)
    return HttpResponse("OK")
