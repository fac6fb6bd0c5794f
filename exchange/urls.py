from django.urls import path

from exchange import views

app_name = "exchange"

urlpatterns = [
    path("import/", views.import_upload, name="import"),
    path("import/<str:token>/commit/", views.import_commit, name="import_commit"),
    path("template.xlsx", views.template_download, name="template"),
    path("export.xlsx", views.export, name="export"),
]
