from django.urls import path

from province.views import analysis, org, review

app_name = "province"

urlpatterns = [
    path("analysis/", analysis.analysis, name="analysis"),
    path("analysis/<int:fy>/", analysis.analysis, name="analysis_year"),
    path("analysis/<int:fy>.xlsx", analysis.analysis_xlsx, name="analysis_xlsx"),
    path("submissions/", org.submissions, name="submissions"),
    path("submissions/<int:fy>/", org.submissions, name="submissions_year"),
    path("submissions/<int:fy>/<str:period>/submit/", org.submit, name="submit"),
    path("submissions/<int:fy>/<str:period>/unlock/", org.unlock, name="unlock"),
    path("review/", review.completeness, name="review"),
    path("review/<int:fy>/", review.completeness, name="review_year"),
    path("review/submission/<int:submission_id>/", review.submission_detail, name="submission"),
    path("review/submission/<int:submission_id>/decide/", review.decide, name="decide"),
]
