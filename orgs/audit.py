"""The audit trail moved to core.audit; this name stays only for monitoring.services until it
imports core.audit itself (then delete this file)."""

from core.audit import acting, batched, bulk_create, update

__all__ = ["acting", "batched", "bulk_create", "update"]
