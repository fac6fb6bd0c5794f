"""โอนงบประมาณ and แก้ไขเปลี่ยนแปลงคำชี้แจง, with who approved them (ระเบียบวิธีการงบประมาณ 2563)."""

from django.conf import settings
from django.db import models

from plans.models.budget import BudgetLine


class TransferKind(models.TextChoices):
    INCREASE = "increase", "โอนเพิ่ม"
    DECREASE = "decrease", "โอนลด"
    NEW_ITEM = "new_item", "โอนตั้งจ่ายเป็นรายการใหม่"
    EXPLANATION = "explanation", "แก้ไขเปลี่ยนแปลงคำชี้แจงงบประมาณ"


class Approver(models.TextChoices):
    EXECUTIVE = "executive", "ผู้บริหารท้องถิ่น"
    COUNCIL = "council", "สภาท้องถิ่น"


class BudgetTransfer(models.Model):
    line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="transfers")
    kind = models.CharField("ประเภท", max_length=16, choices=TransferKind.choices)
    amount = models.DecimalField("จำนวนเงิน (บาท)", max_digits=15, decimal_places=2, default=0)
    investment = models.BooleanField("งบลงทุน", default=False)
    changes_nature = models.BooleanField("เปลี่ยนแปลงลักษณะ ปริมาณ คุณภาพ หรือสถานที่", default=False)
    approver = models.CharField("ผู้อนุมัติ", max_length=16, choices=Approver.choices)
    approved_on = models.DateField("วันที่อนุมัติ")
    reference = models.CharField("เลขที่/ครั้งที่ประชุม", max_length=200, blank=True)
    reason = models.TextField("เหตุผล", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["approved_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="plans_transfer_not_negative"
            )
        ]
