"""Structured logs: one JSON object per line, with the request id, the user and the org of the
request (or of the background job) that the line belongs to.

    {"at": "2026-12-01T08:10:00.123+07:00", "level": "INFO", "logger": "tidtam.jobs",
     "event": "job done", "request_id": "…", "user": "alice", "org": "A", "job": 7, "seconds": 1.2}

LOG_LEVEL sets the level of everything (default INFO); LOG_LEVEL_<LOGGER> (dots as underscores,
e.g. LOG_LEVEL_DJANGO_DB_BACKENDS=DEBUG) one logger."""

import contextlib
import contextvars
import datetime as dt
import json
import logging
import uuid

_context: contextvars.ContextVar[dict] = contextvars.ContextVar("log_context", default={})  # noqa: B039

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}


@contextlib.contextmanager
def context(**values):
    token = _context.set({**_context.get(), **{k: v for k, v in values.items() if v}})
    try:
        yield
    finally:
        _context.reset(token)


def current() -> dict:
    return dict(_context.get())


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "at": dt.datetime.fromtimestamp(record.created)
            .astimezone()
            .isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
            **_context.get(),
        }
        line.update(
            (k, v) for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")
        )
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class RequestContextMiddleware:
    """Gives each request an id (or keeps the X-Request-ID nginx set), puts it, the user and the
    org code into every log line of the request, and returns it in the response header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = request.headers.get("X-Request-ID", "")[:64] or uuid.uuid4().hex
        request.request_id = rid
        org = request.resolver_match.kwargs.get("org_code") if request.resolver_match else None
        with context(request_id=rid, org=org):
            response = self.get_response(request)
        response["X-Request-ID"] = rid
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        values = {"org": view_kwargs.get("org_code")}
        if user is not None and user.is_authenticated:
            values["user"] = user.get_username()
        _context.set({**_context.get(), **{k: v for k, v in values.items() if v}})


def config(default_level: str, environ) -> dict:
    loggers = {}
    for name, value in environ.items():
        if name.startswith("LOG_LEVEL_"):
            loggers[name[len("LOG_LEVEL_") :].lower().replace("_", ".")] = {"level": value.upper()}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "core.logs.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "root": {"handlers": ["console"], "level": default_level.upper()},
        "loggers": loggers,
    }
