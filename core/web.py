"""Helpers every app's views share: this fiscal year, a form's errors as one Thai message, a file
as a download."""

from django.contrib import messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from thai.dates import fiscal_year
from thai.forms import labelled_errors


def this_fy() -> int:
    """The fiscal year (พ.ศ.) of today, in the server's time zone."""
    return fiscal_year(timezone.localdate())


def form_errors(request, form, errors=None) -> None:
    """A form's (or a service's) errors as one message, each naming its field in Thai."""
    messages.error(request, labelled_errors(form, errors))


def download(data: bytes | str, filename: str, content_type: str, *, inline: bool = False):
    """The bytes as a file the browser saves (or shows, inline) under a Thai name: the
    Content-Disposition header built by Django (filename*=UTF-8'' for non-ASCII names)."""
    response = HttpResponse(data, content_type=content_type)
    header = content_disposition_header(not inline, filename)
    response["Content-Disposition"] = header or ("inline" if inline else "attachment")
    return response
