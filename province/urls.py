from django.urls import path

from province.views import analysis, duplicates, org, review, summary
from province.views import map as maps

app_name = "province"

urlpatterns = [
    path("summary/", summary.summary, name="summary"),
    path("summary/<int:fy>/", summary.summary, name="summary_year"),
    path("duplicates/", duplicates.pair_list, name="duplicates"),
    path("duplicates/<int:fy>/", duplicates.pair_list, name="duplicates_year"),
    path("duplicates/<int:fy>/refresh/", duplicates.pair_refresh, name="duplicates_refresh"),
    path("duplicates/<int:fy>/<int:pair_id>/", duplicates.pair_judge, name="duplicates_judge"),
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
    path("map/", maps.province_map_start, name="map_start"),
    path("map/<int:fy>/", maps.province_map, name="map"),
    path("map/<int:fy>/projects.geojson", maps.province_map_data, name="map_data"),
]
