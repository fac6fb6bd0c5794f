from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from orgs.access import can_write, get_org_for_user


class NotYet(Http404):
    """The org has not made the thing this page shows yet (e.g. no plan): the page explains it and
    offers the first step (template), instead of a bare 404."""

    def __init__(self, message: str, *, template: str, section: str = ""):
        super().__init__(message)
        self.template, self.section = template, section


def org_view(*, write: bool = False):
    """Resolve <org_code> through the checked getter and pass the Organization to the view."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, org_code, *args, **kwargs):
            org = get_org_for_user(request.user, org_code, write=write)
            try:
                return view(request, org, *args, **kwargs)
            except NotYet as missing:
                context = {"org": org, "section": missing.section, "message": str(missing),
                           "can_write": can_write(request.user, org)}  # fmt: skip
                return render(request, missing.template, context)

        return wrapper

    return decorator
