from monitoring.models.periods import REPORT_PERIODS, PeriodKind, PeriodLock, PeriodReport
from monitoring.models.photos import Photo, PositionSource, Stage, TimeSource
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
    "Photo",
    "PositionSource",
    "Procurement",
    "ProjectYear",
    "RuleKind",
    "Severity",
    "Stage",
    "Status",
    "TimeSource",
    "WarningRule",
]
