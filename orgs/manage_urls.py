from django.urls import path

from orgs import people_views as v

app_name = "people"
urlpatterns = [
    path("details/", v.details, name="details"),
    path("emblem/", v.emblem, name="emblem"),
    path("divisions/", v.divisions, name="divisions"),
    path("divisions/<int:division_id>/", v.division_edit, name="division"),
    path("people/", v.people, name="people"),
    path("people/<int:user_id>/", v.person, name="person"),
    path("province-orgs/", v.province_orgs, name="province_orgs"),
    path("province-orgs/<str:code>/invite/", v.province_org_invite, name="province_org_invite"),
    path("province-orgs/<str:code>/type/", v.province_org_type, name="province_org_type"),
]
