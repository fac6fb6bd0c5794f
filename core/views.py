"""Thai error pages in the app's look (a citizen's link gets the citizen's wording), and JSON for
the API. The Thai message of Http404/PermissionDenied (e.g. "ไม่พบแบบสอบถาม") is shown to the
user."""

from django.http import HttpResponse, JsonResponse
from django.template import loader

CITIZEN_PREFIXES = ("/s/", "/p/", "/open-data/")
DEFAULTS = {400: "คำขอไม่ถูกต้อง", 403: "ไม่มีสิทธิ์", 404: "ไม่พบ", 500: "ระบบขัดข้อง"}


def _message(exception) -> str:
    if exception is None or not exception.args:
        return ""
    first = exception.args[0]
    if not isinstance(first, str):
        return ""
    # Django's own resolver 404 carries a dict/path, never a sentence for the user
    return first if any("\u0e00" <= ch <= "\u0e7f" for ch in first) else ""


def _page(request, status: int, exception=None):
    path = getattr(request, "path", "") or ""
    message = _message(exception)
    if path.startswith("/api/"):
        return JsonResponse(
            {"detail": message or DEFAULTS[status]},
            status=status,
            json_dumps_params={"ensure_ascii": False},
        )
    context = {"message": message, "citizen": path.startswith(CITIZEN_PREFIXES)}
    body = loader.get_template(f"{status}.html").render(context, request if status != 500 else None)
    return HttpResponse(body, status=status)


def bad_request(request, exception=None):
    return _page(request, 400, exception)


def permission_denied(request, exception=None):
    return _page(request, 403, exception)


def page_not_found(request, exception=None):
    return _page(request, 404, exception)


def server_error(request):
    return _page(request, 500)


def csrf_failure(request, reason=""):
    exc = PermissionError("แบบฟอร์มหมดอายุหรือไม่ได้ส่งมาจากหน้าของระบบ กรุณาเปิดหน้าใหม่แล้วลองอีกครั้ง")
    return _page(request, 403, exc)
