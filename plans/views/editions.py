from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from orgs.access import can_approve, can_write
from orgs.decorators import org_view
from plans import services
from plans.access import get_edition, get_plan
from plans.forms import EditionApproveForm, EditionCreateForm
from plans.selectors import edition_diff, editions_with_counts


def _page(request, org, plan, *, form=None, approve_seq=None, approve_form=None, status=200):
    editions = list(editions_with_counts(plan))
    has_editions = bool(editions)
    return render(
        request,
        "plans/editions.html",
        {
            "org": org,
            "plan": plan,
            "editions": editions,
            "form": form or EditionCreateForm(has_editions=has_editions),
            "section": "editions",
            "approve_form": EditionApproveForm(),
            "approve_seq": approve_seq,
            "approve_bound": approve_form,
            "can_write": can_write(request.user, org),
            "can_approve": can_approve(request.user, org),
        },
        status=status,
    )


@org_view()
def edition_list(request, org):
    plan = get_plan(org)
    form = None
    if request.method == "POST":
        form = EditionCreateForm(request.POST, has_editions=plan.editions.exists())
        if not can_write(request.user, org):
            messages.error(request, "คุณไม่มีสิทธิ์สร้างฉบับของแผน")
        elif form.is_valid():
            try:
                edition = services.edition_create(plan=plan, **form.cleaned_data)
            except ValidationError as exc:
                messages.error(request, "; ".join(exc.messages))
            else:
                messages.success(request, f"สร้างฉบับร่าง “{edition.label}” แล้ว")
                return redirect("plans:editions", org.code)
    return _page(request, org, plan, form=form, status=400 if form and form.errors else 200)


@org_view()
@require_POST
def edition_approve(request, org, seq):
    if not can_approve(request.user, org):
        messages.error(request, "คุณไม่มีสิทธิ์อนุมัติฉบับของแผน")
        return redirect("plans:editions", org.code)
    plan = get_plan(org)
    edition = get_edition(plan, seq)
    form = EditionApproveForm(request.POST)
    if form.is_valid():
        try:
            services.edition_approve(
                edition=edition, seen=request.POST.get("seen", ""), **form.cleaned_data
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc.messages)
        else:
            messages.success(request, f"อนุมัติ “{edition.label}” แล้ว")
            return redirect("plans:editions", org.code)
    # the typed values stay in the form, each mistake under its own field
    return _page(request, org, plan, approve_seq=seq, approve_form=form, status=400)


@org_view(write=True)
@require_POST
def edition_discard(request, org, seq):
    edition = get_edition(get_plan(org), seq)
    try:
        services.edition_discard(edition=edition, seen=request.POST.get("seen", ""))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, f"ยกเลิกฉบับร่าง “{edition.label}” แล้ว")
    return redirect("plans:editions", org.code)


@org_view()
def edition_compare(request, org):
    plan = get_plan(org)
    editions = list(editions_with_counts(plan))
    seqs = [e.seq for e in editions]
    a = (
        int(request.GET["a"])
        if request.GET.get("a", "").isdigit()
        else (seqs[-2] if len(seqs) > 1 else None)
    )
    b = (
        int(request.GET["b"])
        if request.GET.get("b", "").isdigit()
        else (seqs[-1] if seqs else None)
    )
    entries = edition_diff(plan, a, b) if a and b else []
    return render(
        request,
        "plans/edition_diff.html",
        {
            "org": org,
            "plan": plan,
            "editions": editions,
            "a": a,
            "b": b,
            "entries": entries,
            "section": "editions",
            "years": plan.years,
        },
    )
