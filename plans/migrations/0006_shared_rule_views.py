"""The shared rules as database views (see plans/models/rules.py): the approved windows of
editions, each project's approved versions, budget movements (lines and transfers) and the current
action-plan amendment. Every reader — ORM and written-out SQL — reads these, so each rule has one
definition. The views themselves are made after every `migrate` from that one definition (and
dropped before it, so that later migrations can rebuild the tables they read): plans/apps.py."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_orgs_memberships"), ("plans", "0005_approved_editions_have_a_date")]

    operations = [
        migrations.CreateModel(
            name='ApprovedVersion',
            fields=[
                ('id', models.BigIntegerField(primary_key=True, serialize=False)),
                ('seq', models.PositiveIntegerField()),
                ('valid_from', models.DateField()),
                ('valid_until', models.DateField(null=True)),
                ('removed', models.BooleanField()),
            ],
            options={
                'db_table': 'plans_approvedversion',
                'managed': False,
            },
        ),
        migrations.CreateModel(
            name='ApprovedWindow',
            fields=[
                ('edition', models.OneToOneField(db_column='id', on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='plans.edition')),
                ('seq', models.PositiveIntegerField()),
                ('valid_from', models.DateField()),
                ('valid_until', models.DateField(null=True)),
            ],
            options={
                'db_table': 'plans_approvedwindow',
                'managed': False,
            },
        ),
        migrations.CreateModel(
            name='BudgetMovement',
            fields=[
                ('id', models.BigIntegerField(primary_key=True, serialize=False)),
                ('kind', models.CharField(max_length=8)),
                ('fiscal_year', models.PositiveSmallIntegerField()),
                ('source', models.CharField(max_length=20)),
                ('amount', models.DecimalField(decimal_places=2, max_digits=15)),
                ('effective_on', models.DateField(null=True)),
            ],
            options={
                'db_table': 'plans_budgetmovement',
                'managed': False,
            },
        ),
        migrations.CreateModel(
            name='CurrentActionPlan',
            fields=[
                ('action_plan', models.OneToOneField(db_column='id', on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='plans.actionplan')),
                ('fiscal_year', models.PositiveSmallIntegerField()),
                ('amendment', models.PositiveSmallIntegerField()),
            ],
            options={
                'db_table': 'plans_currentactionplan',
                'managed': False,
            },
        ),
    ]
