from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from evaluation.views import public as evaluation_public
from evaluation.views import settings as evaluation_settings
from monitoring.views import rules as monitoring_rules
from notify import views as notify_views
from orgs import account_views
from orgs.login import TidtamLoginView
from province.views import national as national_views
from reports import open_data, public, public_evidence, views_ita
from tidtam import views
from tidtam.api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("", views.home, name="home"),
    path("login/", TidtamLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include(account_views.urlpatterns)),
    path("admin/login/", TidtamLoginView.as_view()),  # one sign-in page (and its lockout)
    path("admin/", admin.site.urls),
    path("setup/province/", account_views.province_setup, name="setup_province"),
    path("o/<str:org_code>/org/", include("orgs.manage_urls")),
    path("o/<str:org_code>/", include("plans.urls")),
    path("o/<str:org_code>/monitoring/", include("monitoring.urls")),
    path("o/<str:org_code>/evaluation/", include("evaluation.urls")),
    path("o/<str:org_code>/province/", include("province.urls")),
    path("s/<str:token>/", evaluation_public.answer, name="survey_answer"),
    path("national/", national_views.national, name="national"),
    path("national/<int:fy>/", national_views.national, name="national_year"),
    path("settings/warning-rules/", monitoring_rules.rules, name="warning_rules"),
    path("settings/scoring/", evaluation_settings.score_templates, name="score_templates"),
    path("settings/ita/", views_ita.ita_settings, name="ita_settings"),
    path("settings/ita/<int:fy>/", views_ita.ita_settings, name="ita_settings_year"),
    path("p/<str:org_code>/", public.org_page, name="public_org"),
    path("p/<str:org_code>/annual/<int:fy>.pdf", public.annual_pdf, name="public_annual"),
    path("p/<str:org_code>/map/", public_evidence.public_map, name="public_map"),
    path(
        "p/<str:org_code>/photos/<int:photo_id>/<str:kind>.jpg",
        public_evidence.public_photo,
        name="public_photo",
    ),
    path(
        "p/<str:org_code>/ita/<int:fy>/<str:code>/",
        public_evidence.ita_document,
        name="public_ita",
    ),
    path(
        "open-data/<str:org_code>/projects.<str:fmt>",
        public_evidence.open_projects,
        name="open_projects",
    ),
    path("open-data/<str:org_code>/plan.<str:fmt>", open_data.open_plan, name="open_plan"),
    path("open-data/<str:org_code>/reports.<str:fmt>", open_data.open_reports, name="open_reports"),
    path("o/<str:org_code>/exchange/", include("exchange.urls")),
    path("o/<str:org_code>/documents/", include("reports.urls")),
    path("o/<str:org_code>/audit/", include("orgs.urls")),
    path("jobs/", include("jobs.urls")),
    path("my-work/", include("notify.urls")),
    path("line/webhook/", notify_views.line_webhook, name="line_webhook"),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
