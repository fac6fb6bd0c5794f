"""Every write to monitoring data goes through these functions (entry page, import, demo, API)."""

from monitoring.services.evidence import EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, evidence_add, sniff
from monitoring.services.periods import period_close, period_report_save
from monitoring.services.photos import Added, photo_add, photo_delete, position_from_photos
from monitoring.services.progress import (
    CONTRACT_FIELDS,
    YEAR_FIELDS,
    Conflict,
    ProgressInput,
    SaveState,
    check_progress,
    in_transaction,
    month_name,
    progress_save,
    save_state,
)
from monitoring.services.rules import PLACEHOLDERS, rule_update
from monitoring.services.transfers import approver_required, transfer_record
from monitoring.services.years import YearRecord, year_load

__all__ = [
    "CONTRACT_FIELDS",
    "EVIDENCE_MAX_BYTES",
    "EVIDENCE_TYPES",
    "PLACEHOLDERS",
    "YEAR_FIELDS",
    "Added",
    "Conflict",
    "ProgressInput",
    "SaveState",
    "YearRecord",
    "approver_required",
    "check_progress",
    "evidence_add",
    "in_transaction",
    "month_name",
    "period_close",
    "period_report_save",
    "photo_add",
    "photo_delete",
    "position_from_photos",
    "progress_save",
    "rule_update",
    "save_state",
    "sniff",
    "transfer_record",
    "year_load",
]
