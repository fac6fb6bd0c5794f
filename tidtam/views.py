from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from notify.deadlines import my_work
from orgs.access import readable_orgs


@login_required
def home(request):
    """งานของฉัน first (what is due, for this person's roles), then the orgs they can open."""
    today = timezone.localdate()
    items = my_work(request.user, today)
    orgs = list(readable_orgs(request.user).select_related("district", "province").order_by("code"))
    return render(
        request,
        "home.html",
        {
            "orgs": orgs,
            "today": today,
            "section": "my_work",
            "items": [i for i in items if not i.done],
        },
    )
