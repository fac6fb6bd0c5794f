"""Everyone's own account: accepting an invitation (setting a first password), changing the
password, resetting a forgotten one by e-mail — Django's views with Thai templates and the same
password validators; and the operator's set-up of a province."""

import geothai
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse_lazy

from orgs import selectors, services
from orgs.forms import ProvinceSetupForm
from orgs.mail import invitation_tokens
from orgs.models import Role


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    token_generator = invitation_tokens
    template_name = "registration/invitation_accept.html"
    success_url = reverse_lazy("invitation_done")
    reset_url_token = "set-password"  # noqa: S105 - the URL segment, not a secret


_email_context = {"site_url": settings.SITE_URL}
urlpatterns = [
    path("invite/<uidb64>/<token>/", InvitationAcceptView.as_view(), name="invitation_accept"),
    path(
        "invite/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/invitation_done.html"
        ),
        name="invitation_done",
    ),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(extra_email_context=_email_context),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]


@staff_member_required(login_url="login")
def province_setup(request):
    """The operator: a province (from geothai) and its อบจ., and the อบจ.'s first admin invited."""
    if not request.user.is_superuser:
        return redirect("home")
    form = ProvinceSetupForm(request.POST or None, provinces=geothai.provinces())
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            done = services.province_setup(province_code=d["province_code"], pao_code=d["pao_code"])
            pao = done.pao
            if d["admin_email"]:
                services.person_invite(
                    org=pao,
                    email=d["admin_email"],
                    role=Role.ANALYST,
                    first_name=d["admin_first_name"],
                    last_name=d["admin_last_name"],
                    base_url=request.build_absolute_uri("/"),
                    invited_by=request.user,
                )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        except OSError:
            form.add_error(None, "ส่งอีเมลไม่สำเร็จ (เซิร์ฟเวอร์อีเมลไม่ตอบ) ยังไม่ได้บันทึก")
        else:
            invited = f" ส่งคำเชิญไปที่ {d['admin_email']} แล้ว" if d["admin_email"] else ""
            messages.success(request, setup_message(done) + invited)
            return redirect("plans:overview", pao.code)
    return render(
        request,
        "orgs/province_setup.html",
        {"form": form, "provinces": selectors.provinces_set_up()},
    )


def setup_message(done: services.ProvinceSetup) -> str:
    """What the run really did: a province set up before is not reported as set up now."""
    pao = done.pao
    if not done.changed:
        return f"{pao.province} และ{pao.name} ตั้งค่าไว้ก่อนแล้ว ครั้งนี้ไม่มีการเปลี่ยนแปลง"
    parts = [f"เพิ่ม{pao.province}"] if done.province_created else []
    if done.districts_added:
        parts.append(f"อำเภอ {done.districts_added} อำเภอ")
    if done.pao_created:
        parts.append(pao.name)
    text = " ".join(parts) if done.province_created else "เพิ่ม" + " ".join(parts)
    return text + " แล้ว" + ("" if done.pao_created else f" ({pao.name}มีอยู่ก่อนแล้ว)")
