"""Request guards that apply to every view, so no form or API endpoint can forget them.

- Text: every GET and POST value loses the characters core.text removes (NUL and other control
  characters, bidirectional overrides) before a view or form reads it; a JSON body holding them,
  or NaN/Infinity, is refused with a JSON 400.
- Path numbers: an <int:…> in the URL that no row can have (beyond a 64-bit key, or a fiscal year
  outside พ.ศ. 2400–2800) answers 404 instead of overflowing the database or the calendar.
"""

import json

from django.http import Http404, JsonResponse, QueryDict

from core.text import clean, has_hostile

MAX_KEY = 2**63 - 1
YEAR_NAMES = ("fy", "year", "start_year")
YEARS = range(2400, 2801)


def _cleaned(qd: QueryDict) -> QueryDict:
    out = QueryDict(mutable=True, encoding=qd.encoding)
    for key, values in qd.lists():
        out.setlist(clean(key), [clean(v) for v in values])
    out._mutable = False
    return out


def _any_hostile(qd: QueryDict) -> bool:
    return any(has_hostile(k) or any(has_hostile(v) for v in vs) for k, vs in qd.lists())


def _bad_constant(name):
    raise ValueError(name)


def _json_problem(body: bytes) -> str | None:
    try:
        data = json.loads(body, parse_constant=_bad_constant)
    except ValueError:
        return None  # not our business here: the API's own parser answers invalid JSON
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and has_hostile(item):
            return "ข้อความมีอักขระควบคุมที่ไม่อนุญาต (เช่น NUL)"
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


class HostileInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _any_hostile(request.GET):
            request.GET = _cleaned(request.GET)
        content_type = request.content_type or ""
        if request.method in ("POST", "PUT", "PATCH") and content_type == "application/json":
            body = request.body
            if b"NaN" in body or b"Infinity" in body:
                try:
                    json.loads(body, parse_constant=_bad_constant)
                except ValueError as exc:
                    if str(exc) in ("NaN", "Infinity", "-Infinity"):
                        return JsonResponse(
                            {"detail": "ตัวเลขต้องเป็นค่าจำกัด (ไม่รับ NaN/Infinity)"}, status=400
                        )
            if problem := _json_problem(body):
                return JsonResponse(
                    {"detail": problem}, status=400, json_dumps_params={"ensure_ascii": False}
                )
        elif (
            request.method == "POST"
            and content_type
            in (
                "application/x-www-form-urlencoded",
                "multipart/form-data",
            )
            and _any_hostile(request.POST)
        ):
            request.POST = _cleaned(request.POST)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for name, value in view_kwargs.items():
            if isinstance(value, str) and value.isascii() and value.isdigit():
                value = int(value)  # the API's path parameters arrive as text
            if not isinstance(value, int) or isinstance(value, bool):
                continue
            if abs(value) > MAX_KEY or (name in YEAR_NAMES and value not in YEARS):
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"detail": "ไม่พบ"}, status=404, json_dumps_params={"ensure_ascii": False}
                    )
                raise Http404("ไม่พบหน้าที่ต้องการ")
        return None


class AdminCspMiddleware:
    """The operator's admin (django-unfold) runs Alpine.js, which evaluates its x-data attributes
    as code: under /admin/ only, scripts may also be evaluated ('unsafe-eval'). Inline scripts
    still need the page's nonce, and every value the admin shows is escaped by Django, so no one
    can plant such an attribute; only superusers and staff reach these pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            from django.conf import settings
            from django.utils.csp import CSP

            policy = dict(settings.SECURE_CSP)
            policy["script-src"] = [*policy.get("script-src", []), CSP.UNSAFE_EVAL]
            response._csp_config = policy
        return response
