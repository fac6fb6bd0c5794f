"""What the officer adds in the import preview: per edition who approved it and when, and the
แผนงาน chosen for names that fit several."""

import datetime as dt

from exchange.plan_import import EditionApproval
from plans.models import Program

DATE_FIELDS = {
    "meeting_on": "วันที่ประชุมพิจารณา",
    "approved_on": "วันที่อนุมัติ",
    "announced_on": "วันที่ประกาศใช้",
}


def _date(text: str) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    return dt.date.fromisoformat(text)


def edition_approvals(post) -> tuple[dict[str, EditionApproval], list[str]]:
    """Fields edition-N-label / -approver / -meeting_on / -approved_on / -announced_on. An edition
    is approved only with both an approver and an approval date; half of it is an error."""
    approvals, errors = {}, []
    n = 0
    while f"edition-{n}-label" in post:
        label = post[f"edition-{n}-label"]
        prefix = f"edition-{n}-"
        values = {}
        for name, title in DATE_FIELDS.items():
            try:
                values[name] = _date(post.get(prefix + name, ""))
            except ValueError:
                errors.append(f"“{label}”: {title} ไม่ใช่วันที่ที่ถูกต้อง")
        approver = post.get(prefix + "approver", "").strip()[:200]
        approval = EditionApproval(approver=approver, **{k: values.get(k) for k in DATE_FIELDS})
        if approver or any(values.values()):
            if not approval.complete:
                errors.append(f"“{label}”: ต้องระบุทั้งผู้อนุมัติและวันที่อนุมัติ หรือเว้นว่างทั้งหมดเพื่อนำเข้าเป็นฉบับร่าง")
            elif (
                approval.announced_on
                and approval.approved_on  # set: the approval is complete
                and approval.announced_on < approval.approved_on
            ):
                errors.append(f"“{label}”: วันที่ประกาศใช้ต้องไม่ก่อนวันที่อนุมัติ")
            else:
                approvals[label] = approval
        n += 1
    return approvals, errors


def program_choices(post) -> dict[str, str]:
    codes = set(Program.objects.values_list("code", flat=True))
    out = {}
    n = 0
    while f"program-{n}-text" in post:
        code = post.get(f"program-{n}-code", "")
        if code in codes:
            out[post[f"program-{n}-text"]] = code
        n += 1
    return out


def approvals_to_params(approvals: dict[str, EditionApproval]) -> dict[str, dict]:
    """The approvals as JSON for a background job's parameters (dates in ISO form)."""
    return {
        label: {
            "approver": a.approver,
            **{k: (getattr(a, k).isoformat() if getattr(a, k) else None) for k in DATE_FIELDS},
        }
        for label, a in approvals.items()
    }


def approvals_from_params(params: dict[str, dict]) -> dict[str, EditionApproval]:
    return {
        label: EditionApproval(
            approver=p.get("approver", ""), **{k: _date(p.get(k) or "") for k in DATE_FIELDS}
        )
        for label, p in (params or {}).items()
    }
