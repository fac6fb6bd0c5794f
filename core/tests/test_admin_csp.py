"""The admin alone may evaluate scripts (unfold's Alpine.js); every other page keeps the strict
policy."""

from django.urls import reverse


def test_only_the_admin_allows_eval(client, cast, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="pw")
    client.force_login(admin)
    inside = client.get(reverse("admin:index"))["Content-Security-Policy"]
    assert (
        "'unsafe-eval'" in inside
        and "'unsafe-inline'" not in inside.split("script-src")[1].split(";")[0]
    )
    outside = client.get(reverse("home"))["Content-Security-Policy"]
    assert "'unsafe-eval'" not in outside
