"""Data flows one way: core → thai → orgs → plans → (monitoring → evaluation) → reports; core and
thai depend on nothing of ours."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = [
    "core",
    "thai",
    "orgs",
    "plans",
    "monitoring",
    "evaluation",
    "province",
    "exchange",
    "reports",
]


def imports_of(app: str) -> set[str]:
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                found.update(a.name.split(".")[0] for a in node.names)
    return found


def test_it_keeps_lower_apps_free_of_higher_ones():
    for i, app in enumerate(LAYERS):
        higher = set(LAYERS[i + 1 :]) - ({"exchange"} if app == "reports" else set())
        if app == "exchange":
            higher = {"reports"}
        assert not imports_of(app) & higher, f"{app} imports {imports_of(app) & higher}"


def test_it_keeps_thai_free_of_django_models():
    assert "orgs" not in imports_of("thai") and "plans" not in imports_of("thai")


def test_it_keeps_core_free_of_every_other_app():
    ours = set(LAYERS) | {"tidtam"}
    assert not imports_of("core") & (ours - {"core"}), imports_of("core") & ours
