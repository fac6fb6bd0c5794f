from django.urls import path

from province.views import org, review

app_name = "province"

urlpatterns = [
    path("submissions/", org.submissions, name="submissions"),
    path("submissions/<int:fy>/", org.submissions, name="submissions_year"),
    path("submissions/<int:fy>/<str:period>/submit/", org.submit, name="submit"),
    path("submissions/<int:fy>/<str:period>/unlock/", org.unlock, name="unlock"),
    path("review/", review.completeness, name="review"),
    path("review/<int:fy>/", review.completeness, name="review_year"),
    path("review/submission/<int:submission_id>/", review.submission_detail, name="submission"),
    path("review/submission/<int:submission_id>/decide/", review.decide, name="decide"),
]
