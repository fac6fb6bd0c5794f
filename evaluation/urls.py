from django.urls import path

from evaluation.views import surveys

app_name = "evaluation"

urlpatterns = [
    path("surveys/", surveys.survey_list, name="surveys"),
    path("surveys/<int:survey_id>/", surveys.survey_detail, name="survey"),
    path("surveys/<int:survey_id>/paper/", surveys.paper_entry, name="paper"),
    path("surveys/<int:survey_id>/toggle/", surveys.survey_toggle, name="survey_toggle"),
]
