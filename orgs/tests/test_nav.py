"""The menu's remembered links are the links {% url %} would make, per org and script prefix."""

from django.urls import reverse, set_script_prefix

from orgs.templatetags.nav import navurl


def test_menu_links_are_reversed_per_org_and_script_prefix():
    assert navurl("plans:overview", "6300101") == reverse("plans:overview", args=["6300101"])
    assert navurl("plans:overview", "6300301") == reverse("plans:overview", args=["6300301"])
    assert navurl("logout") == reverse("logout")
    try:
        set_script_prefix("/tidtam/")  # served under a sub-path
        assert navurl("plans:overview", "6300101") == "/tidtam/o/6300101/"
    finally:
        set_script_prefix("/")
    assert navurl("plans:overview", "6300101") == "/o/6300101/"
