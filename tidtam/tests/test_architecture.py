"""Data flows one way, from the top of LAYERS to the bottom: every package of the project may
import only the packages below it (any import, at the top of a module or inside a function).

thai      Thai rules (dates, fiscal year, money, digits), no model: depends on nothing of ours
core      what every app stands on: the audit trail, clean input, safe cells, web helpers, logs
orgs      organizations, people, roles, the checked getters
jobs      the background-work queue; each app registers its own kinds of jobs
notify    e-mail, LINE, digests, งานของฉัน; each app registers its own due items
plans     5-year plan, editions, budget ordinance, action plan
monitoring  monthly progress, periods, transfers, early warnings
evaluation  committee, scoring, surveys, the annual report
province  the provincial M&E unit: submissions, review, duplicates, summaries
exchange  Excel in and out
reports   documents (PDF/XLSX/DOCX), public pages, ITA
tidtam    the project shell: settings, urls, wsgi, the API wiring, the demo; imported by no app
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = [
    "thai",
    "core",
    "orgs",
    "jobs",
    "notify",
    "plans",
    "monitoring",
    "evaluation",
    "province",
    "exchange",
    "reports",
    "tidtam",
]


def imports_in(path: Path) -> set[str]:
    """What a file imports, as dotted names (`from a.b import c`: a.b.c), relative ones resolved."""
    found: set[str] = set()
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.update(f"{module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def sources(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        if "tests" not in path.parts and "migrations" not in path.parts:
            yield path


def upward_imports(layers: list[str]) -> list[str]:
    wrong = []
    for i, package in enumerate(layers):
        allowed = set(layers[: i + 1])
        for path in sources(package):
            rel = path.relative_to(ROOT).as_posix()
            for module in sorted(imports_in(path)):
                top = module.split(".")[0]
                if top in layers and top not in allowed:
                    wrong.append(f"{rel} ({package}) imports {module}")
    return wrong


def test_every_package_of_the_project_is_in_a_layer():
    packages = {p.parent.name for p in ROOT.glob("*/*.py")}
    assert packages - {"bench", "scripts", "deploy"} == set(LAYERS)


def test_no_package_imports_a_higher_one():
    assert upward_imports(LAYERS) == []


def test_the_shell_is_imported_by_no_app():
    """Nothing below `tidtam` reaches into it (settings are read through django.conf)."""
    users = [
        f"{path.relative_to(ROOT).as_posix()} imports {m}"
        for package in LAYERS[:-1]
        for path in sources(package)
        for m in imports_in(path)
        if m.split(".")[0] == "tidtam"
    ]
    assert users == []


def test_the_check_sees_an_import_inside_a_function_and_a_relative_one(tmp_path, monkeypatch):
    """The test itself can fail: a planted lazy import of a higher app, and a relative one."""
    import tidtam.tests.test_architecture as arch

    for name in ("low", "high"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("")
    (tmp_path / "low" / "a.py").write_text("def f():\n    from high import b\n")
    (tmp_path / "high" / "b.py").write_text("from . import c\nfrom low.a import f\n")
    monkeypatch.setattr(arch, "ROOT", tmp_path)
    assert arch.upward_imports(["low", "high"]) == ["low/a.py (low) imports high.b"]
    assert arch.imports_in(tmp_path / "high" / "b.py") == {"high.c", "low.a.f"}
