from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "การติดตามผล"

    def ready(self):
        from monitoring import selectors
        from plans import locks

        locks.register(
            closed_period_reached=selectors.closed_period_reached,
            closed_since=selectors.closed_since,
        )
