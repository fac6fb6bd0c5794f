"""Every write to plans goes through these functions (views, import, commands, demo seeding)."""

from plans.services.budget import (
    action_item_add,
    action_plan_create,
    budget_line_add,
    budget_line_delete,
    budget_line_update,
    check_project_budgetable,
    ordinance_create,
)
from plans.services.editions import (
    ProjectData,
    edition_approve,
    edition_create,
    edition_discard,
    project_add,
    project_change,
    project_remove,
    projects_bulk_add,
)
from plans.services.framework import (
    division_for,
    goal_add,
    kpi_save,
    mission_add,
    plan_create,
    plan_update,
    strategy_create,
    strategy_update,
    tactic_create,
    tactic_update,
)
from plans.services.places import place_set

__all__ = [
    "ProjectData",
    "action_item_add",
    "action_plan_create",
    "budget_line_add",
    "budget_line_delete",
    "budget_line_update",
    "check_project_budgetable",
    "division_for",
    "edition_approve",
    "edition_create",
    "edition_discard",
    "goal_add",
    "kpi_save",
    "mission_add",
    "ordinance_create",
    "place_set",
    "plan_create",
    "plan_update",
    "project_add",
    "project_change",
    "project_remove",
    "projects_bulk_add",
    "strategy_create",
    "strategy_update",
    "tactic_create",
    "tactic_update",
]
