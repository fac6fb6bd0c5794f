from plans.models.action import ActionPlan, ActionPlanItem
from plans.models.budget import BudgetLine, BudgetOrdinance, FundingSource, OrdinanceKind
from plans.models.editions import (
    Edition,
    EditionKind,
    EditionStatus,
    Project,
    ProjectBudget,
    ProjectForm,
    ProjectVersion,
)
from plans.models.framework import (
    KPI,
    Goal,
    KPITarget,
    LinkageLevel,
    LinkageTarget,
    Mission,
    Plan,
    Program,
    Strategy,
    Tactic,
)
from plans.models.places import PlaceSource, ProjectPlace
from plans.models.rules import (
    ApprovedVersion,
    ApprovedWindow,
    BudgetMovement,
    CurrentActionPlan,
)
from plans.models.transfers import Approver, BudgetTransfer, TransferKind

__all__ = [
    "Approver",
    "ApprovedVersion",
    "ApprovedWindow",
    "BudgetMovement",
    "BudgetTransfer",
    "CurrentActionPlan",
    "TransferKind",
    "KPI",
    "ActionPlan",
    "ActionPlanItem",
    "BudgetLine",
    "BudgetOrdinance",
    "Edition",
    "EditionKind",
    "EditionStatus",
    "FundingSource",
    "Goal",
    "KPITarget",
    "LinkageLevel",
    "LinkageTarget",
    "Mission",
    "OrdinanceKind",
    "PlaceSource",
    "Plan",
    "Program",
    "Project",
    "ProjectBudget",
    "ProjectForm",
    "ProjectPlace",
    "ProjectVersion",
    "Strategy",
    "Tactic",
]
