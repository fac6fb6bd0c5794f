from django.urls import path

from monitoring.views import dashboard, entry, photos, project, report, transfers
from monitoring.views import map as maps

app_name = "monitoring"

urlpatterns = [
    path("", entry.entry_start, name="start"),
    path("<int:fy>/<int:month>/", entry.entry, name="entry"),
    path("<int:fy>/<int:month>/rows/<int:project_id>/", entry.entry_row_save, name="row"),
    path("dashboard/", dashboard.dashboard_start, name="dashboard_start"),
    path("dashboard/<int:fy>/", dashboard.dashboard, name="dashboard"),
    path("dashboard/<int:fy>/evaluate/", dashboard.evaluate_now, name="evaluate"),
    path("province/", dashboard.province_start, name="province_start"),
    path("province/<int:fy>/", dashboard.province, name="province"),
    path("province/<int:fy>/evaluate/", dashboard.province_evaluate, name="province_evaluate"),
    path("transfers/<int:fy>/", transfers.transfers, name="transfers"),
    path("transfers/<int:fy>/lines/<int:line_id>/", transfers.transfer_new, name="transfer_new"),
    path("form2/", report.form2_start, name="form2_start"),
    path("form2/<int:fy>/<str:code>/", report.form2_page, name="form2"),
    path("form2/<int:fy>/<str:code>/text/", report.form2_text, name="form2_text"),
    path("<int:fy>/close/", entry.period_close, name="close"),
    path("<int:fy>/projects/<int:project_id>/", project.project_year, name="project"),
    path(
        "<int:fy>/projects/<int:project_id>/evidence/",
        project.evidence_add,
        name="evidence_add",
    ),
    path(
        "<int:fy>/projects/<int:project_id>/evidence/<int:evidence_id>/",
        project.evidence_file,
        name="evidence_file",
    ),
    path("<int:fy>/projects/<int:project_id>/photos/", photos.photo_add, name="photo_add"),
    path(
        "<int:fy>/projects/<int:project_id>/photos/<int:photo_id>/<str:kind>.jpg",
        photos.photo_file,
        name="photo_file",
    ),
    path(
        "<int:fy>/projects/<int:project_id>/photos/<int:photo_id>/delete/",
        photos.photo_delete,
        name="photo_delete",
    ),
    path("<int:fy>/projects/<int:project_id>/place/", photos.place_save, name="place_save"),
    path("map/", maps.map_start, name="map_start"),
    path("map/<int:fy>/", maps.org_map, name="map"),
    path("map/<int:fy>/projects.geojson", maps.org_map_data, name="map_data"),
    path("map/<int:fy>/projects/<int:project_id>.json", maps.map_detail, name="map_detail"),
]
