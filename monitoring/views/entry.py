"""The monthly entry page: one row per project, saved row by row with htmx (Enter saves)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from monitoring import services
from monitoring.forms import ROW_FIELDS, ProgressForm
from monitoring.models import PeriodKind, Procurement, Status
from monitoring.selectors import closed_months, entry_row, entry_rows, saved_row
from monitoring.views.row_lookups import row_view
from monitoring.web import check_month
from orgs.access import can_write, writable_division_ids
from orgs.decorators import org_view
from orgs.models import Division
from plans.selectors import fiscal_years
from thai.dates import (
    fiscal_month_index,
    fiscal_month_labels,
    fiscal_month_start,
    fiscal_year,
    thai_date,
)
from thai.forms import labelled_errors


def default_period(org) -> tuple[int, int]:
    """This fiscal year and month, or the last month of the latest year that has data."""
    today = timezone.localdate()
    years = fiscal_years(org)
    fy = fiscal_year(today)
    if years and fy not in years:
        fy = years[-1]
    return fy, fiscal_month_index(today) if fy == fiscal_year(today) else 12


def entry_period(org) -> tuple[int, int]:
    """The month the entry opens on: the one งานของฉัน asks for (last month, the latest that is
    due), unless the org has no data in its year."""
    from monitoring.deadlines import due_month

    fy, month = due_month(timezone.localdate())
    years = fiscal_years(org)
    return (fy, month) if not years or fy in years else default_period(org)


def latest_begun_month(fy: int) -> int:
    """The latest month of fiscal year fy that has begun (ก.ย. for a year that is over, ต.ค. for
    one not yet begun)."""
    today = timezone.localdate()
    if fy < fiscal_year(today):
        return 12
    return fiscal_month_index(today) if fy == fiscal_year(today) else 1


@org_view()
def entry_start(request, org):
    fy, month = entry_period(org)
    return redirect("monitoring:entry", org.code, fy, month)


def not_yet(fy: int, month: int) -> str:
    """Why a month cannot be recorded yet ('' once it has begun): results are of months lived."""
    start = fiscal_month_start(fy, month)
    if start <= timezone.localdate():
        return ""
    return f"ยังไม่ถึงเดือนนี้ บันทึกผลได้ตั้งแต่ {thai_date(start)}"


@org_view()
def entry(request, org, fy, month):
    check_month(month)
    everything = can_write(request.user, org)
    divisions = writable_division_ids(request.user, org)
    division = request.GET.get("division", "")
    if not division and not everything and divisions:
        division = str(min(divisions))  # a division head opens on their own division's rows
    shown = {int(division)} if division.isdigit() else None
    rows = entry_rows(org, fy, month, division_ids=shown)
    closed = month in closed_months(org, fy)
    future = not_yet(fy, month)
    for row in rows:
        row.editable = not closed and not future and (everything or row.division_id in divisions)
    months = fiscal_month_labels(fy)
    today = timezone.localdate()
    return render(
        request,
        "monitoring/entry.html",
        {
            "org": org,
            "fy": fy,
            "month": month,
            "month_label": f"{months[month - 1][0]} {months[month - 1][1]}",
            "months": [
                (i, f"{m} {str(y)[-2:]}", fiscal_month_start(fy, i) > today)
                for i, (m, y) in enumerate(months, 1)
            ],
            "future": future,
            "years": fiscal_years(org),
            "rows": rows,
            "any_editable": any(row.editable for row in rows),
            "closed": closed,
            "can_close": everything and not closed and not future,
            "can_import": everything,
            "divisions": Division.objects.filter(org=org),
            "division": division,
            "statuses": Status.choices,
            "procurements": Procurement.choices,
            "section": "monitoring",
        },
    )


def progress_input(row, cleaned: dict, posted: set[str]) -> services.ProgressInput:
    """Start from what is stored and change only the fields the form posted."""
    data = services.ProgressInput(
        status=row.status,
        progress=row.progress,
        disbursed=row.disbursed_month,
        note=row.note,
        procurement=row.procurement,
        contract_no=row.contract_no,
        contract_signed_on=row.contract_signed_on,
        contract_amount=row.contract_amount,
        carried_over=row.carried_over,
        problems=row.problems,
    )
    for name in posted:
        if name in cleaned and hasattr(data, name):
            value = cleaned[name]
            if name in ("disbursed", "carried_over") and value is None:
                value = 0
            setattr(data, name, value)
    return data


def save_progress(request, org, fy, month, project, fields):
    """Validate and save the checked project's month; returns (row to show, error text, ok)."""
    row = entry_row(org, fy, month, project.pk)
    if row is None:
        raise Http404("โครงการนี้ไม่อยู่ในงบประมาณหรือแผนการดำเนินงานของปีนี้")
    if future := not_yet(fy, month):
        return row, future, ""
    form = ProgressForm(request.POST)
    posted = {f for f in fields if f in request.POST}
    form.is_valid()
    relevant = {k: v for k, v in form.errors.items() if k in posted or k == "version"}
    if relevant:
        return row, labelled_errors(form, relevant), ""
    cleaned = form.cleaned_data
    data = progress_input(row, cleaned, posted)
    try:
        py = services.progress_save(
            org=org,
            fiscal_year=fy,
            project=project,
            month=month,
            data=data,
            expected_version=cleaned["version"],
            updated_by=request.user,
            budget=row.budget,
        )
    except services.Conflict as exc:
        return entry_row(org, fy, month, project.pk), str(exc), ""
    except ValidationError as exc:
        return row, labelled_errors(form, exc), ""
    return saved_row(row, data, py), "", "บันทึกแล้ว"


@row_view
@require_POST
def entry_row_save(request, org, fy, month, project):
    check_month(month)
    row, error, ok = save_progress(request, org, fy, month, project, ROW_FIELDS)
    # a refused row comes back as the page shows it now (read-only once its month is closed)
    row.editable = not error or not (month in closed_months(org, fy) or not_yet(fy, month))
    return render(
        request,
        "monitoring/_row.html",
        {
            "org": org,
            "fy": fy,
            "month": month,
            "r": row,
            "error": error,
            "ok": ok,
            "posted": request.POST if error else None,
            "statuses": Status.choices,
            "procurements": Procurement.choices,
        },
    )


@org_view(write=True)
@require_POST
def period_close(request, org, fy):
    kind = request.POST.get("kind", PeriodKind.MONTH)
    number = request.POST.get("number", "")
    if kind not in PeriodKind.values or not number.isdigit():
        raise PermissionDenied("รอบไม่ถูกต้อง")
    services.period_close(
        org=org, fiscal_year=fy, kind=kind, number=int(number), closed_by=request.user
    )
    messages.success(request, "ปิดงวดแล้ว ข้อมูลของงวดนี้แก้ไขไม่ได้")
    if request.POST.get("code"):
        return redirect("monitoring:form2", org.code, fy, request.POST["code"])
    month = int(number) if kind == PeriodKind.MONTH else 12
    return redirect("monitoring:entry", org.code, fy, month)
