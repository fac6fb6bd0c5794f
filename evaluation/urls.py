from django.urls import path

from evaluation.views import annual, committee, form1, form31, kpis, scoring, surveys

app_name = "evaluation"

urlpatterns = [
    path("annual/", annual.annual, name="annual"),
    path("annual/<int:fy>/", annual.annual, name="annual_year"),
    path("form31/", form31.form31_page, name="form31"),
    path("form31/<int:fy>/", form31.form31_page, name="form31_year"),
    path("form1/", form1.form1, name="form1"),
    path("scoring/", scoring.scoring, name="scoring"),
    path("scoring/<int:fy>/", scoring.scoring, name="scoring_year"),
    path("scoring/<int:fy>/<str:code>/", scoring.score_sheet, name="score_sheet"),
    path("committee/", committee.committee_page, name="committee"),
    path("committee/new/", committee.committee_new, name="committee_new"),
    path("committee/members/new/", committee.member_new, name="member_new"),
    path("committee/meetings/new/", committee.meeting_new, name="meeting_new"),
    path("kpis/", kpis.kpi_page, name="kpis"),
    path("kpis/<int:kpi_id>/", kpis.kpi_save, name="kpi_save"),
    path("surveys/", surveys.survey_list, name="surveys"),
    path("surveys/<int:survey_id>/", surveys.survey_detail, name="survey"),
    path("surveys/<int:survey_id>/paper/", surveys.paper_entry, name="paper"),
    path("surveys/<int:survey_id>/poster/", surveys.survey_poster, name="survey_poster"),
    path("surveys/<int:survey_id>/toggle/", surveys.survey_toggle, name="survey_toggle"),
]
