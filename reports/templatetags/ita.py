"""The ITA section and the map link on the public page, as one inclusion tag (the page's view
stays as it is)."""

from django import template

from core.web import this_fy
from reports.ita import ita_rows

register = template.Library()


@register.inclusion_tag("reports/_ita.html", takes_context=True)
def ita_section(context, org):
    request = context.get("request")
    raw = request.GET.get("ita", "") if request is not None else ""
    current = this_fy()
    fy = int(raw) if raw.isdigit() and current - 5 <= int(raw) <= current else current
    user = getattr(request, "user", None)
    staff = bool(user and user.is_authenticated and user.memberships.filter(org=org).exists())
    return {
        "org_public": org,
        "ita_fy": fy,
        "ita_years": range(current - 2, current + 1),
        "ita": ita_rows(org, fy),
        "request": request,
        "staff": staff,
    }


@register.inclusion_tag("reports/_ita_evidence.html")
def ita_evidence_links(org, fy, source):
    """The evidence DOCX links of the year's ITA items answered by `source` (the annual page)."""
    from reports.ita import items_for

    return {"org": org, "fy": fy, "items": [i for i in items_for(fy) if i.source == source]}
