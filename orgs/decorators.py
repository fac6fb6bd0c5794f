from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from orgs.access import can_write, get_org_for_user


class NotYet(Http404):
    """The org has not made the thing this page shows yet (e.g. no plan): the page explains it and
    offers the first step (template), instead of a bare 404."""

    def __init__(self, message: str, *, template: str, section: str = ""):
        super().__init__(message)
        self.template, self.section = template, section


def signed_in_or_401(view):
    """A row saved with htmx after the session expired: 401 (the page keeps what was typed and
    offers to sign in again in another tab), not the login page swapped into the table row."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.headers.get("HX-Request") and not request.user.is_authenticated:
            response = HttpResponse("หมดเวลาการเข้าระบบ กรุณาเข้าสู่ระบบใหม่", status=401)
            response["Content-Type"] = "text/plain; charset=utf-8"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def org_view(*, write: bool = False):
    """Resolve <org_code> through the checked getter and pass the Organization to the view."""

    def decorator(view):
        @signed_in_or_401
        @login_required
        @wraps(view)
        def wrapper(request, org_code, *args, **kwargs):
            org = get_org_for_user(request.user, org_code, write=write)
            try:
                return view(request, org, *args, **kwargs)
            except NotYet as missing:
                context = {
                    "org": org,
                    "section": missing.section,
                    "message": str(missing),
                    "can_write": can_write(request.user, org),
                }
                return render(request, missing.template, context)

        return wrapper

    return decorator
