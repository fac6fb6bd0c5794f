"""The Thai names of what a submission carries and of the steps of its history."""

NUMBER_LABELS = {
    "plan_projects": "โครงการในแผน",
    "budgeted_projects": "โครงการที่ตั้งงบประมาณ",
    "done": "ดำเนินการแล้วเสร็จ",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "not_started": "ยังไม่ได้ดำเนินการ",
    "cancelled": "ยกเลิก",
    "status_total": "รวมโครงการที่รายงานสถานะ",
    "budget": "งบประมาณ (บาท)",
    "contracted": "ลงนามสัญญา (บาท)",
    "disbursed": "เบิกจ่าย (บาท)",
    "contracted_projects": "โครงการที่ลงนามสัญญาแล้ว",
    "recorded_projects": "โครงการที่บันทึกผลแล้ว",
    "budgeted_not_in_plan": "โครงการที่ตั้งงบแต่ไม่อยู่ในแผน",
}
"""The numbers a submission carries (province.services.numbers_for), as the analyst reads them."""

EVENT_LABELS = {
    "submitted": "ส่งข้อมูล",
    "returned": "ส่งกลับให้แก้ไข",
    "approved": "อนุมัติและล็อกข้อมูล",
    "unlock_requested": "ขอปลดล็อก",
    "unlocked": "ปลดล็อกแล้ว",
}


def labelled_numbers(numbers: dict, current: dict) -> list[tuple[str, float, float | None]]:
    """(Thai label, submitted value, value now) in the order the analyst reads them."""
    order = {key: i for i, key in enumerate(NUMBER_LABELS)}
    keys = sorted(numbers, key=lambda k: (order.get(k, len(order)), k))
    return [(NUMBER_LABELS.get(k, k), numbers[k], current.get(k)) for k in keys]
