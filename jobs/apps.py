from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "งานเบื้องหลัง"
    # The kinds of jobs are registered by the apps that own the work: each app's handlers
    # module, imported from its AppConfig.ready() (jobs knows none of them).
