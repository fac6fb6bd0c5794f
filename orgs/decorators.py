from functools import wraps

from django.contrib.auth.decorators import login_required

from orgs.access import get_org_for_user


def org_view(*, write: bool = False):
    """Resolve <org_code> through the checked getter and pass the Organization to the view."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, org_code, *args, **kwargs):
            org = get_org_for_user(request.user, org_code, write=write)
            return view(request, org, *args, **kwargs)

        return wrapper

    return decorator
