"""The background job of the early-warning rules (registered from MonitoringConfig.ready)."""

from django.db import transaction
from django.utils import timezone

from core import audit
from jobs.services import Outcome, handler
from monitoring.rules import evaluate as evaluate_rules
from monitoring.weekly import weekly_warnings
from orgs.models import Organization
from thai.dates import fiscal_year_bounds


@handler("evaluate")
def evaluate(job, progress) -> Outcome:
    """The early-warning rules of every org of a province (or of the country), org by org so the
    progress moves and one org's evaluation is one transaction."""
    fy = job.params["fy"]
    chosen = Organization.objects.order_by("code")
    if job.params.get("province"):
        chosen = chosen.filter(province_id=job.params["province"])
    orgs = list(chosen)
    as_of = min(timezone.localdate(), fiscal_year_bounds(fy)[1])
    found = 0
    with audit.acting(job.user, "งานเบื้องหลัง"):
        for n, org in enumerate(orgs):
            progress(n, len(orgs))
            with transaction.atomic():
                found += evaluate_rules([org], fy, as_of)
            if job.params.get("tell"):  # the nightly run: this week's warnings, once a week
                weekly_warnings(org, fy, timezone.localdate())
    progress(len(orgs), len(orgs))
    return Outcome(f"ประเมินสัญญาณเตือน {len(orgs):,} หน่วยงานแล้ว พบ {found:,} รายการ")
