from django.urls import path

from monitoring.views import entry, project

app_name = "monitoring"

urlpatterns = [
    path("", entry.entry_start, name="start"),
    path("<int:fy>/<int:month>/", entry.entry, name="entry"),
    path("<int:fy>/<int:month>/rows/<int:project_id>/", entry.entry_row_save, name="row"),
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
]
