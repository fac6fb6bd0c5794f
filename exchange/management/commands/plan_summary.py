from django.core.management.base import BaseCommand, CommandError

from core.cells import SafeWriter
from exchange import matching
from plans.models import Edition, Plan
from plans.selectors import approved_seq_on, plan_summary


class Command(BaseCommand):
    help = "พิมพ์ตาราง ผ.01 (บัญชีสรุปโครงการพัฒนา) ของหน่วยงาน"

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True)
        parser.add_argument(
            "--edition",
            help="ลำดับฉบับ (เช่น 3) หรือชื่อฉบับ (เช่น “เพิ่มเติม ครั้งที่ 1/2566”); ค่าเริ่มต้น: ฉบับล่าสุดที่อนุมัติ",
        )
        parser.add_argument("--format", choices=["csv", "table"], default="table")

    def handle(self, *args, org, edition, format, **kw):
        plan = Plan.objects.filter(org__code=org).order_by("-start_year").first()
        if plan is None:
            raise CommandError(f"หน่วยงานรหัส {org} ยังไม่มีแผนพัฒนาท้องถิ่น")
        seq = self._seq(plan, edition)
        summary = plan_summary(plan, seq)
        header = ["ยุทธศาสตร์/กลยุทธ์/แผนงาน", "ระดับ"]
        for y in summary.years:
            header += [f"{y} จำนวนโครงการ", f"{y} งบประมาณ"]
        header += ["รวม 5 ปี จำนวนโครงการ", "รวม 5 ปี งบประมาณ"]
        rows = []
        for r in summary.rows:
            values = [r.label, r.level]
            for c in [*r.cells, r.total]:
                values += [c.count, f"{c.amount:.2f}"]
            rows.append(values)
        if format == "csv":
            writer = SafeWriter(self.stdout)
            writer.writerow(header)
            writer.writerows(rows)
        else:
            for values in rows:
                self.stdout.write(" | ".join(str(v) for v in values))

    def _seq(self, plan, edition):
        if not edition:
            return approved_seq_on(plan)
        if edition.isdigit():
            return int(edition)
        key = matching.edition_key(edition)
        found = (
            key
            and Edition.objects.filter(plan=plan, kind=key[0], number=key[1], year=key[2]).first()
        )
        if not found:
            raise CommandError(f"ไม่พบฉบับ “{edition}”")
        return found.seq
