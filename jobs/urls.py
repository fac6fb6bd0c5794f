from django.urls import path

from jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.operator, name="operator"),
    path("<int:job_id>/", views.job_page, name="page"),
    path("<int:job_id>/status/", views.job_status, name="status"),
    path("<int:job_id>/file/", views.job_file, name="file"),
]
