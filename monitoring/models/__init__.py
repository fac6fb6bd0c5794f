from monitoring.models.periods import REPORT_PERIODS, PeriodKind, PeriodLock, PeriodReport
from monitoring.models.tracking import (
    Evidence,
    MonthlyProgress,
    Procurement,
    ProjectYear,
    Status,
)
from monitoring.models.warnings import Alert, RuleKind, Severity, WarningRule

__all__ = [
    "REPORT_PERIODS",
    "Alert",
    "Evidence",
    "MonthlyProgress",
    "PeriodKind",
    "PeriodLock",
    "PeriodReport",
    "Procurement",
    "ProjectYear",
    "RuleKind",
    "Severity",
    "Status",
    "WarningRule",
]
