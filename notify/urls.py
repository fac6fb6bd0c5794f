from django.urls import path

from notify import views

app_name = "notify"

urlpatterns = [
    path("", views.my_work_page, name="my_work"),
    path("settings/", views.settings_page, name="settings"),
]
