from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("p01.<str:fmt>", views.p01, name="p01"),
    path("p02.<str:fmt>", views.p02, name="p02"),
    path("action-plan/<int:fy>/pd01.<str:fmt>", views.pd01, name="pd01"),
    path("action-plan/<int:fy>/pd02.<str:fmt>", views.pd02, name="pd02"),
    path("form2/<int:fy>/<str:code>.<str:fmt>", views.form2, name="form2"),
    path("six-month/<int:fy>.<str:fmt>", views.six_month, name="six_month"),
    path("annual/<int:fy>.<str:fmt>", views.annual, name="annual"),
    path("ita/<int:fy>/<str:code>/<str:kind>.docx", views.ita_evidence, name="ita_evidence"),
    path("province/<int:fy>.<str:fmt>", views.province_summary, name="province_summary"),
]
