from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="ItaItem",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("fiscal_year", models.PositiveSmallIntegerField(verbose_name="ปีงบประมาณที่ประเมิน (พ.ศ.)")),
                ("code", models.CharField(max_length=12, verbose_name="รหัสข้อ")),
                ("name", models.CharField(max_length=300, verbose_name="ชื่อข้อมูล")),
                ("source", models.CharField(choices=[("plan", "แผนพัฒนาท้องถิ่นที่อนุมัติแล้ว (ผ.02)"), ("action_plan", "แผนการดำเนินงานประจำปี (ผด.02)"), ("spending_plan", "บัญชีสรุปแผนการดำเนินงาน/การใช้จ่ายงบประมาณ (ผด.01)"), ("six_month", "รายงานการกำกับติดตามผล รอบ 6 เดือน"), ("six_month_spending", "แบบที่ 2 ไตรมาสที่ 2 (การใช้จ่ายงบประมาณ 6 เดือน)"), ("annual", "รายงานผลการติดตามและประเมินผลประจำปีที่ประกาศแล้ว"), ("annual_spending", "แบบที่ 2 ไตรมาสที่ 4 (การใช้จ่ายงบประมาณทั้งปี)"), ("survey", "ผลการสำรวจความพึงพอใจ (แบบที่ 3/2 ในรายงานประจำปี)")], max_length=24, verbose_name="เอกสารจากระบบ")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="ลำดับ")),
            ],
            options={"ordering": ["fiscal_year", "order", "code"]},
        ),
        migrations.AddConstraint(
            model_name="itaitem",
            constraint=models.UniqueConstraint(fields=("fiscal_year", "code"), name="reports_ita_unique_code"),
        ),
    ]
