"""Backup and restore round trip on whichever database the suite runs on (SQLite or PostgreSQL)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from plans.models import Plan, ProjectVersion

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_backup_brings_back_what_was_lost(cast, plan_a, tmp_path):
    before = sorted(ProjectVersion.objects.values_list("name", flat=True))
    path = tmp_path / "tidtam.backup"
    call_command("backup", str(path))
    assert path.stat().st_size > 0
    ProjectVersion.objects.update(name="ข้อมูลเสียหาย")  # the accident: a bad bulk edit
    cast.a.plans.get().strategies.filter(number=2).update(name="ถูกเขียนทับ")
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(path))
    call_command("restore", str(path), "--yes")
    assert sorted(ProjectVersion.objects.values_list("name", flat=True)) == before
    assert Plan.objects.get().strategies.get(number=2).name == "ยุทธศาสตร์ด้านการพัฒนาการศึกษา"
