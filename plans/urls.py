from django.urls import path

from plans.views import action, budget, editions, framework, overview, projects

app_name = "plans"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("plan/new/", overview.plan_new, name="plan_new"),
    path("framework/", framework.framework, name="framework"),
    path("framework/vision/", framework.vision_edit, name="vision_edit"),
    path("framework/missions/new/", framework.mission_new, name="mission_new"),
    path("framework/strategies/new/", framework.strategy_new, name="strategy_new"),
    path("framework/strategies/<int:strategy_id>/", framework.strategy_edit, name="strategy_edit"),
    path("framework/strategies/<int:strategy_id>/goals/new/", framework.goal_new, name="goal_new"),
    path(
        "framework/strategies/<int:strategy_id>/tactics/new/",
        framework.tactic_new,
        name="tactic_new",
    ),
    path("framework/strategies/<int:strategy_id>/kpis/new/", framework.kpi_new, name="kpi_new"),
    path("framework/tactics/<int:tactic_id>/", framework.tactic_edit, name="tactic_edit"),
    path("framework/kpis/<int:kpi_id>/", framework.kpi_edit, name="kpi_edit"),
    path("projects/", projects.project_list, name="projects"),
    path("projects/new/", projects.project_new, name="project_new"),
    path("projects/search/", projects.project_search, name="project_search"),
    path("projects/<int:project_id>/", projects.project_detail, name="project"),
    path("projects/<int:project_id>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<int:project_id>/remove/", projects.project_remove, name="project_remove"),
    path("editions/", editions.edition_list, name="editions"),
    path("editions/compare/", editions.edition_compare, name="edition_compare"),
    path("editions/<int:seq>/approve/", editions.edition_approve, name="edition_approve"),
    path("editions/<int:seq>/discard/", editions.edition_discard, name="edition_discard"),
    path("budget/", budget.budget, name="budget"),
    path("budget/<int:fy>/", budget.budget, name="budget_year"),
    path("budget/ordinances/new/", budget.ordinance_new, name="ordinance_new"),
    path("budget/<int:fy>/lines/new/", budget.budget_line_new, name="budget_line_new"),
    path("budget/<int:fy>/lines/<int:line_id>/", budget.budget_line_edit, name="budget_line_edit"),
    path(
        "budget/<int:fy>/lines/<int:line_id>/remove/",
        budget.budget_line_remove,
        name="budget_line_remove",
    ),
    path("action-plan/", action.action_plan, name="action_plan"),
    path("action-plan/<int:fy>/", action.action_plan, name="action_plan_year"),
    path("action-plan/new/", action.action_plan_new, name="action_plan_new"),
    path("action-plan/<int:fy>/items/new/", action.action_item_new, name="action_item_new"),
]
