from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The lowest layer: safe spreadsheet cells, the client's address, clean input, error pages.
    It imports nothing of the other apps."""

    name = "core"
    verbose_name = "พื้นฐานร่วม"
