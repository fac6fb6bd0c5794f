"""A page's view is its app's own: no app imports another app's views (what pages share lives in
the app's services, selectors or web helpers); only the project's URL configuration wires views."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "core",
    "thai",
    "orgs",
    "plans",
    "monitoring",
    "evaluation",
    "province",
    "exchange",
    "reports",
    "jobs",
    "notify",
]


def foreign_views(app: str) -> list[str]:
    found = []
    for path in (ROOT / app).rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
                if "." not in node.module:  # from monitoring import views
                    names = [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] in APPS and parts[0] != app and parts[1:2] == ["views"]:
                    found.append(f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}: {name}")
    return sorted(found)


def test_no_app_imports_another_apps_views():
    assert [hit for app in APPS for hit in foreign_views(app)] == []


def test_it_finds_a_planted_import(tmp_path, monkeypatch):
    app = tmp_path / "province"
    app.mkdir()
    (app / "planted.py").write_text(
        "def f():\n    from monitoring.views.entry import save_progress\n"
        "from monitoring import views\n"
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert foreign_views("province") == [
        "province/planted.py:2: monitoring.views.entry",
        "province/planted.py:3: monitoring.views",
    ]
