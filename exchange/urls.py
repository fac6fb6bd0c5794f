from django.urls import path

from exchange import org_views, progress_views, views

app_name = "exchange"

urlpatterns = [
    path("import/", views.import_upload, name="import"),
    path("import/<str:token>/commit/", views.import_commit, name="import_commit"),
    path("orgs/import/", org_views.orgs_import, name="orgs_import"),
    path(
        "orgs/import/<str:token>/commit/", org_views.orgs_import_commit, name="orgs_import_commit"
    ),
    path("import/<str:token>/recheck/", views.import_recheck, name="import_recheck"),
    path("action-import/", views.action_import, name="action_import"),
    path("template.xlsx", views.template_download, name="template"),
    path("export.xlsx", views.export, name="export"),
    path("export-official.xlsx", views.export_official, name="export_official"),
    path("progress/<int:fy>/<int:month>/", progress_views.progress_upload, name="progress_import"),
    path(
        "progress/<int:fy>/<int:month>/<str:token>/commit/",
        progress_views.progress_commit,
        name="progress_commit",
    ),
    path(
        "progress/<int:fy>/<int:month>/template.xlsx",
        progress_views.progress_template_download,
        name="progress_template",
    ),
]
