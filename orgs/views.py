from django.core.paginator import Paginator
from django.shortcuts import render

from orgs.access import require_audit_reader
from orgs.decorators import org_view
from orgs.models import AuditAction
from orgs.selectors import AuditFilter, audit_entries, audit_facets, field_rows_for, model_name
from thai.dates import parse_thai_date

PAGE_SIZE = 50


def _date(text: str):
    try:
        return parse_thai_date(text) if text.strip() else None
    except ValueError:
        return None


@org_view()
def audit_log(request, org):
    require_audit_reader(request.user, org)
    get = request.GET
    user = get.get("user", "")
    f = AuditFilter(
        model=get.get("model", ""),
        action=get.get("action", ""),
        user_id=int(user) if user.isdigit() else None,
        start=_date(get.get("start", "")),
        end=_date(get.get("end", "")),
        object_id=get.get("object", "")[:40],
    )
    page = Paginator(audit_entries(org, f), PAGE_SIZE).get_page(get.get("page"))
    models, people = audit_facets(org)
    shown = list(page.object_list)
    entries = [
        (e, model_name(e.model), r) for e, r in zip(shown, field_rows_for(shown), strict=True)
    ]
    query = "&".join(
        f"{k}={get[k]}" for k in ("model", "action", "user", "start", "end", "object") if get.get(k)
    )
    return render(
        request,
        "orgs/audit.html",
        {
            "org": org,
            "section": "audit",
            "page": page,
            "entries": entries,
            "models": models,
            "people": people,
            "actions": AuditAction.choices,
            "f": f,
            "query": query,
            "start": get.get("start", ""),
            "end": get.get("end", ""),
        },
    )
