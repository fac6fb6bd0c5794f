"""The JSON API (django-ninja, OpenAPI at /api/v1/docs). A bearer token acts as its user: the same
checked getters as the web pages decide what it may read or write, so a foreign org answers 404."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, Throttled
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer

from evaluation.api import router as evaluation_router
from monitoring.api import router as monitoring_router
from orgs.access import get_org_for_user, readable_orgs
from orgs.tokens import user_for
from plans.api import router as plans_router
from province.api import router as province_router


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = user_for(token)
        if user is not None:
            request.user = user
        return user


class ThaiJSON(JSONRenderer):
    """Thai text as itself in the JSON (UTF-8), not as \\u0e.. escapes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=ThaiJSON(),
    title="Tidtam API",
    version="1",
    urls_namespace="api",
    auth=TokenAuth(),
    description="แผนพัฒนาท้องถิ่น การติดตามและประเมินผล — อ่านและเขียนตามสิทธิ์ของผู้ใช้ของโทเคน",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "ไม่พบ"}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "ไม่มีสิทธิ์"}, status=403)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    detail = "ต้องยืนยันตัวตนด้วยโทเคน (Authorization: Bearer …) ที่ยังใช้ได้"
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(AuthorizationError)
def not_allowed(request, exc):
    return api.create_response(request, {"detail": "ไม่มีสิทธิ์"}, status=exc.status_code)


@api.exception_handler(Throttled)
def throttled(request, exc):
    return api.create_response(
        request, {"detail": "เรียกใช้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่"}, status=exc.status_code
    )


@api.exception_handler(Exception)
def server_error(request, exc):
    """Whatever goes wrong, the API answers JSON (the error is still logged for the admins)."""
    import logging

    logging.getLogger("django.request").error("API error at %s", request.path, exc_info=exc)
    return api.create_response(request, {"detail": "ระบบขัดข้อง กรุณาลองใหม่"}, status=500)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=422)


class OrgOut(Schema):
    code: str
    name: str
    org_type: str
    province: str


@api.get("/orgs", response=list[OrgOut], tags=["หน่วยงาน"])
@paginate(LimitOffsetPagination)
def orgs(request):
    return [
        OrgOut(code=o.code, name=o.name, org_type=o.org_type, province=o.province.name)
        for o in readable_orgs(request.user).order_by("code")
    ]


@api.get("/orgs/{code}", response=OrgOut, tags=["หน่วยงาน"])
def org(request, code: str):
    o = get_org_for_user(request.user, code)
    return OrgOut(code=o.code, name=o.name, org_type=o.org_type, province=o.province.name)


for router in (plans_router, monitoring_router, evaluation_router, province_router):
    api.add_router("", router)
