from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from orgs.access import readable_orgs


@login_required
def home(request):
    orgs = list(readable_orgs(request.user).order_by("code"))
    if len(orgs) == 1:
        return redirect("plans:overview", orgs[0].code)
    return render(request, "home.html", {"orgs": orgs})
