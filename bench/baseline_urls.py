"""The load bench's baseline: a bare Django view on the same stack (middleware, session, user,
CSRF, gunicorn, PostgreSQL) that does what any save must — authenticate, then one UPDATE of the
project-year and one audit INSERT in a transaction — and nothing else. bench_load.py prints the
app's saves/s as a ratio to it."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_POST

from monitoring.models import ProjectYear
from orgs.models import AuditEntry

FY = 2569


@require_POST
def baseline(request, code: str, project_id: int):
    if not request.user.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        ProjectYear.objects.filter(fiscal_year=FY, project_id=project_id).update(
            version=F("version") + 1
        )
        AuditEntry.objects.create(
            user=request.user,
            actor=request.user.get_username(),
            action="update",
            model="monitoring.ProjectYear",
            object_id=str(project_id),
            changes={"disbursed": [None, request.POST.get("disbursed")]},
        )
    return HttpResponse("<p>บันทึกแล้ว</p>")


urlpatterns = [
    path("bench/baseline/<str:code>/<int:project_id>/", baseline),
    path("", include("tidtam.urls")),
]
