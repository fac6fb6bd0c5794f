"""Reads shared by evaluation pages and documents."""

from evaluation.models import Committee


def current_committee(org) -> Committee | None:
    return Committee.objects.filter(org=org).order_by("-term_start").first()
