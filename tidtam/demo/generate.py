"""Deterministic demo province: same seed, same data. Everything is written through services."""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from orgs.models import District, Division, Membership, Organization, OrgType, Province, Role
from orgs.services import districts_sync
from plans import services
from plans.models import EditionKind, LinkageLevel, LinkageTarget, Plan, Program, ProjectForm
from plans.selectors import approved_seq_on, project_rows
from plans.services import ProjectData
from tidtam.demo import catalog as c
from tidtam.demo import details
from tidtam.demo.evaluation import evaluated_year
from tidtam.demo.progress import year_of_progress
from tidtam.demo.submissions import submission_history

PLAN_YEARS = (2566, 2570)
DEMO_PASSWORD = "demo"

FIRST_NAMES = [
    "สมชาย",
    "ประเสริฐ",
    "วิชัย",
    "สุรพล",
    "บุญมี",
    "ทองใบ",
    "สมศักดิ์",
    "อนันต์",
    "ไพโรจน์",
    "ชาญวิทย์",
]
LAST_NAMES = ["ศรีสุข", "แก้วประเสริฐ", "บุญเรือง", "จันทร์หอม", "พรหมมา", "สุขเจริญ", "ทองดี", "ใจงาม"]


def _user(username: str, first: str = "", last: str = "", superuser: bool = False):
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.tidtam.local"},
    )
    user.set_password(DEMO_PASSWORD)
    user.is_superuser = user.is_staff = superuser
    user.save(update_fields=["password", "is_superuser", "is_staff"])
    return user


def _date(be_year: int, month: int, day: int) -> dt.date:
    return dt.date(be_year - 543, month, day)


def _round(amount: float) -> Decimal:
    step = 10_000 if amount >= 200_000 else 1_000
    return Decimal(max(step, round(amount / step) * step))


class Generator:
    def __init__(self, seed: int = 2568, project_range: tuple[int, int] = (80, 300), log=print):
        self.rng = random.Random(seed)
        self.seed = seed
        self.project_range = project_range
        self.log = log
        self.programs = {p.code: p for p in Program.objects.all()}
        self.users: list[tuple[str, str]] = []
        self.used: set[tuple] = set()

    # -- province -------------------------------------------------------------------------------

    def province(self, max_orgs: int | None = None) -> Province:
        code, name = c.PROVINCE
        province, _ = Province.objects.get_or_create(code=code, defaults={"name": name})
        districts_sync(province=province)  # every อำเภอ, with its code, from geothai
        self.provincial = self._linkages(province, LinkageLevel.PROVINCE, c.PROVINCIAL_STRATEGIES)
        self.lao_in_province = self._linkages(
            province, LinkageLevel.LAO_IN_PROVINCE, c.LAO_IN_PROVINCE_STRATEGIES
        )
        self.national = list(LinkageTarget.objects.filter(level=LinkageLevel.NATIONAL_STRATEGY))
        self.sdgs = list(LinkageTarget.objects.filter(level=LinkageLevel.SDG))
        self.nesdp = {t.code: t for t in LinkageTarget.objects.filter(level=LinkageLevel.NESDP)}
        orgs = c.ORGS[:max_orgs] if max_orgs else c.ORGS
        admin = _user("admin", "ผู้ดูแล", "ระบบ", superuser=True)
        self.users.append((admin.username, "ผู้ดูแลระบบ (ทุกหน่วยงาน)"))
        for slug, org_code, org_name, org_type, district in orgs:
            with transaction.atomic():
                org = self.organization(province, slug, org_code, org_name, org_type, district)
                self.plan(org, slug)
            self.log(
                f"  {org.name}: แผนพัฒนาท้องถิ่น {PLAN_YEARS[0]}–{PLAN_YEARS[1]}"
                " พร้อมข้อบัญญัติและแผนการดำเนินงาน"
            )
        with transaction.atomic():
            sent = submission_history(province, self.seed)
        self.log(f"  การส่งข้อมูลให้ อบจ. ปีงบประมาณ 2569: {sent} รายการ")
        return province

    def _linkages(self, province, level, names):
        return [
            LinkageTarget.objects.get_or_create(
                level=level, code=str(i), province=province, defaults={"name": n}
            )[0]
            for i, n in enumerate(names, 1)
        ]

    def organization(self, province, slug, code, name, org_type, district_name) -> Organization:
        district, _ = District.objects.get_or_create(province=province, name=district_name)
        org = Organization.objects.create(
            code=code, name=name, org_type=org_type, province=province, district=district
        )
        for division in sorted(set(c.DIVISIONS.values()) | {"กองคลัง", "กองวิชาการและแผนงาน"}):
            Division.objects.create(org=org, name=division)
        details.fill(org, slug, self.rng)
        officer = _user(
            f"officer.{slug}", self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        )
        Membership.objects.create(user=officer, org=org, role=Role.OFFICER)
        self.users.append((officer.username, f"นักวิเคราะห์นโยบายและแผน {name}"))
        if org_type == OrgType.PAO:
            analyst = _user("analyst.korat", "วันเพ็ญ", "ศรีสุข")
            Membership.objects.create(user=analyst, org=org, role=Role.ANALYST)
            self.users.append((analyst.username, "เจ้าหน้าที่วิเคราะห์ระดับจังหวัด (อบจ.นครราชสีมา)"))
        if slug == "buayai":
            extra = [
                ("head.buayai", Role.DIVISION_HEAD, "ผู้อำนวยการกองช่าง"),
                ("committee.buayai", Role.COMMITTEE, "กรรมการติดตามและประเมินผล"),
                ("mayor.buayai", Role.EXECUTIVE, "นายกเทศมนตรีเมืองบัวใหญ่"),
            ]
            org.refresh_from_db(fields=["executive_name"])
            for username, role, label in extra:
                first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
                if role == Role.EXECUTIVE and org.executive_name:  # the one who signs the documents
                    first, last = details.split_name(org.executive_name)
                user = _user(username, first, last)
                head_of = (
                    Division.objects.get(org=org, name="กองช่าง")
                    if role == Role.DIVISION_HEAD
                    else None
                )
                Membership.objects.create(user=user, org=org, role=role, division=head_of)
                self.users.append((username, f"{label} {name}"))
        return org

    # -- plan ---------------------------------------------------------------------------------

    def plan(self, org: Organization, slug: str) -> Plan:
        rng = self.rng
        if slug == "buayai":
            strategies, vision, missions = (
                c.BUA_YAI_STRATEGIES,
                c.BUA_YAI_VISION,
                c.BUA_YAI_MISSIONS,
            )
        else:
            k = rng.randint(5, 10)
            strategies = [c.STRATEGY_POOL[0], *rng.sample(c.STRATEGY_POOL[1:], k - 1)]
            vision = f"{org.name} น่าอยู่ เศรษฐกิจมั่นคง สังคมเข้มแข็ง บริหารจัดการตามหลักธรรมาภิบาล"
            missions = [s[0].replace("ยุทธศาสตร์การพัฒนาด้าน", "พัฒนาด้าน") for s in strategies[:6]]
        plan = services.plan_create(
            org=org, start_year=PLAN_YEARS[0], end_year=PLAN_YEARS[1], vision=vision
        )
        for i, text in enumerate(missions, 1):
            plan.missions.create(number=i, text=text)
        themes = []
        for number, (name, theme) in enumerate(strategies, 1):
            strategy = services.strategy_create(plan=plan, number=number, name=name)
            prov, lao = c.THEME_LINKS[theme]
            strategy.linkages.add(
                self.provincial[prov - 1],
                self.lao_in_province[lao - 1],
                rng.choice(self.national),
                rng.choice(self.sdgs),
            )
            nesdp = self.nesdp.get(f"หมุดหมายที่ {c.NESDP_LINKS[theme]}")
            if nesdp:
                strategy.linkages.add(nesdp)
            tactics = [
                services.tactic_create(strategy=strategy, number=i, name=t)
                for i, t in enumerate(c.TACTICS[theme], 1)
            ]
            goal = strategy.goals.create(
                number=1, text=f"ประชาชนได้รับประโยชน์จากการพัฒนา{name.split('ด้าน')[-1]}"
            )
            kpi = strategy.kpis.create(
                number=1,
                goal=goal,
                name=f"ร้อยละความพึงพอใจของประชาชนต่อ{name.split('ยุทธศาสตร์')[-1]}",
                unit="ร้อยละ",
            )
            for j, year in enumerate(plan.years):
                kpi.targets.create(year=year, value=Decimal(70 + 2 * j))
            themes.append((strategy, tactics, theme))
        self.editions(org, plan, themes, slug)
        self.budget_and_action_plans(org, plan)
        for fy in (2568, 2569, 2570):
            year_of_progress(org, fy, self.seed)
        from tidtam.demo.places import photograph_done_works, pin_works

        pin_works(org, self.seed)
        if slug == "buayai":
            photograph_done_works(org, 2569)
        evaluated_year(org, plan, self.seed, FIRST_NAMES, LAST_NAMES)
        return plan

    def _project(self, org, plan, themes, seq_no) -> ProjectData:
        """A project whose (strategy, name, location) is unique in the plan, as in a real ผ.02."""
        for _ in range(50):
            data = self._draw(org, plan, themes, seq_no)
            key = (plan.pk, data.strategy.pk, data.name, data.location)
            if key not in self.used:
                self.used.add(key)
                return data
        data.name += f" (ระยะที่ {seq_no})"
        return data

    def _draw(self, org, plan, themes, seq_no) -> ProjectData:
        rng = self.rng
        weights = [4 if t == "infrastructure" else 1 for _, _, t in themes]
        strategy, tactics, theme = rng.choices(themes, weights=weights)[0]
        name, program, target, kpi, result, lo, hi, unit = rng.choice(c.PROJECTS[theme])
        name = name.format(v=rng.choice(c.VILLAGES), m=rng.randint(1, 15))
        recurring = (
            lo == hi or theme in ("education", "social", "health") and not name.startswith("ก่อสร้าง")
        )
        years = (
            plan.years if recurring else sorted(rng.sample(plan.years, rng.choice([1, 1, 1, 2])))
        )
        base = rng.uniform(lo, hi)
        budgets = {
            y: (Decimal(lo) if lo == hi else _round(base * (1 + 0.03 * i)))
            for i, y in enumerate(years)
        }
        division = Division.objects.get(org=org, name=c.DIVISIONS[unit])
        form = ProjectForm.P02
        if "อุดหนุน" in name and rng.random() < 0.5:
            form = ProjectForm.P02_2
        if "จัดซื้อ" in name:
            form = ProjectForm.P03
        return ProjectData(
            strategy=strategy,
            tactic=rng.choice(tactics),
            program=self.programs[program],
            name=name,
            objective=f"เพื่อ{result}",
            target=target,
            kpi=kpi,
            expected_result=result,
            division=division,
            form=form,
            location=f"หมู่ที่ {rng.randint(1, 15)}",
            seq_no=seq_no,
            budgets=budgets,
        )

    def editions(self, org, plan, themes, slug):
        rng = self.rng
        lo, hi = self.project_range
        total = 176 if slug == "buayai" and hi >= 176 else rng.randint(lo, hi)
        n_original = int(total * 0.85)
        org.refresh_from_db(fields=["executive_title", "name"])
        executive = org.executive_position  # นายกเทศมนตรีเมืองบัวใหญ่, as the documents sign
        steps = [
            (EditionKind.ORIGINAL, None, None, _date(2564, 12, rng.randint(10, 28)), n_original),
            (EditionKind.ADDITION, 1, 2566, _date(2566, 3, rng.randint(1, 28)), int(total * 0.08)),
            (EditionKind.CHANGE, 1, 2567, _date(2567, 2, rng.randint(1, 28)), 0),
            (
                EditionKind.ADDITION,
                1,
                2568,
                _date(2567, 7, rng.randint(1, 28)),
                total - n_original - int(total * 0.08),
            ),
        ]
        seq_no = 0
        for kind, number, year, approved_on, count in steps:
            edition = services.edition_create(plan=plan, kind=kind, number=number, year=year)
            rows = []
            for _ in range(count):
                seq_no += 1
                rows.append(self._project(org, plan, themes, seq_no))
            services.projects_bulk_add(edition=edition, rows=rows)
            if kind == EditionKind.CHANGE:
                self._changes(plan, edition, seq=edition.seq - 1)
            services.edition_approve(
                edition=edition,
                approved_on=approved_on,
                approver=executive,
                meeting_on=approved_on - dt.timedelta(days=14),
                announced_on=approved_on + dt.timedelta(days=3),
                keep_pdf=False,  # seed_demo queues only the editions in force
            )
        if rng.random() < 0.4:  # an addition for the current fiscal year, still being drafted
            edition = services.edition_create(
                plan=plan,
                kind=EditionKind.ADDITION,
                number=1,
                year=2570,
                note="อยู่ระหว่างเสนอคณะกรรมการพัฒนาท้องถิ่นพิจารณา",
            )
            services.projects_bulk_add(
                edition=edition,
                rows=[self._project(org, plan, themes, seq_no + i) for i in (1, 2, 3)],
            )

    def _changes(self, plan, edition, seq):
        versions = list(project_rows(plan, seq))
        for version in self.rng.sample(versions, min(8, len(versions))):
            budgets = {b.year: b.amount for b in version.budgets.all()}
            year = self.rng.choice([y for y in plan.years if y >= 2568])
            budgets[year] = _round(
                float(max(budgets.values()) or 100_000) * self.rng.uniform(0.8, 1.3)
            )
            data = ProjectData(
                strategy=version.strategy,
                tactic=version.tactic,
                program=version.program,
                name=version.name,
                objective=version.objective,
                target=version.target,
                kpi=version.kpi,
                expected_result=version.expected_result,
                division=version.division,
                form=version.form,
                location=version.location,
                seq_no=version.seq_no,
                budgets=budgets,
            )
            services.project_change(project=version.project, edition=edition, data=data)

    # -- budget and action plan ------------------------------------------------------------------

    def budget_and_action_plans(self, org, plan):
        rng = self.rng
        for fy in (2568, 2569, 2570):
            promulgated = _date(fy - 1, 9, rng.randint(5, 25))
            ordinance = services.ordinance_create(
                org=org,
                fiscal_year=fy,
                kind="annual",
                council_approved_on=promulgated - dt.timedelta(days=20),
                promulgated_on=promulgated,
            )
            subsidy = services.ordinance_create(
                org=org, fiscal_year=fy, kind="subsidy", promulgated_on=promulgated
            )
            candidates = [
                v
                for v in project_rows(plan, approved_seq_on(plan, promulgated))
                if any(b.year == fy and b.amount > 0 for b in v.budgets.all())
            ]
            chosen = rng.sample(candidates, int(len(candidates) * rng.uniform(0.4, 0.7)))
            lines = []
            for v in chosen:
                planned = next(b.amount for b in v.budgets.all() if b.year == fy)
                amount = _round(float(planned) * rng.uniform(0.7, 1.0))
                target = subsidy if v.program.code == "00310" and rng.random() < 0.12 else ordinance
                lines.append(
                    services.budget_line_add(
                        ordinance=target, project=v.project, amount=amount, item=v.program.name
                    )
                )
            approved = promulgated + dt.timedelta(days=rng.choice([12, 18, 25, 28, 29, 41]))
            action_plan = services.action_plan_create(
                org=org,
                fiscal_year=fy,
                approved_on=approved,
                announced_on=approved + dt.timedelta(days=2),
            )
            skipped = set(rng.sample(range(len(lines)), max(1, len(lines) // 30)))
            for i, line in enumerate(lines, 1):
                if i - 1 in skipped:
                    continue  # budgeted but forgotten in the action plan (an early-warning case)
                version = next(v for v in chosen if v.project_id == line.project_id)
                start = rng.randint(1, 9)
                span = rng.randint(1, 12 - start + 1)
                services.action_item_add(
                    action_plan=action_plan,
                    budget_line=line,
                    name=version.name,
                    amount=line.amount,
                    activity=version.target,
                    place=version.location,
                    responsible_unit=version.responsible_unit,
                    months=list(range(start, start + span)),
                    seq_no=i,
                )
            spare = [v for v in candidates if v not in chosen]
            for extra in rng.sample(spare, min(2, len(spare))):
                services.action_item_add(  # planned but never budgeted (an early-warning case)
                    action_plan=action_plan,
                    project=extra.project,
                    name=extra.name,
                    amount=next(b.amount for b in extra.budgets.all() if b.year == fy),
                    responsible_unit=extra.responsible_unit,
                    months=[rng.randint(2, 8)],
                    seq_no=len(lines) + 2,
                )
            services.action_item_add(
                action_plan=action_plan,
                other_agency="แขวงทางหลวงชนบทนครราชสีมา",
                seq_no=len(lines) + 1,
                name=f"ซ่อมบำรุงทางหลวงชนบท นม.{rng.randint(1000, 4999)} ในเขต{org.name}",
                amount=_round(rng.uniform(1_000_000, 8_000_000)),
                place=f"อำเภอ{org.district.name}",
                responsible_unit="แขวงทางหลวงชนบทนครราชสีมา",
                months=[4, 5, 6, 7],
            )
