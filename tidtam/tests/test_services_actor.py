"""One way to know who did a write: the audit log reads the actor from the request (middleware) or
the job (the runner); a service takes a person only where it records or checks them in its own
data, and names the parameter for what it records (updated_by, closed_by, uploaded_by…)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["orgs", "plans", "monitoring", "evaluation", "province", "exchange", "reports", "jobs"]


def service_functions(root: Path = ROOT):
    for app in APPS:
        for path in [root / app / "services.py", *(root / app / "services").glob("*.py")]:
            if not path.exists():
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.FunctionDef):
                    yield f"{path.relative_to(root)}:{node.name}", node


def problems(root: Path = ROOT) -> list[str]:
    out = []
    for where, fn in service_functions(root):
        used = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name)}
        for arg in fn.args.args + fn.args.kwonlyargs:
            if arg.arg == "acting_user":
                out.append(f"{where} takes acting_user (name it for what it records, or drop it)")
            elif arg.arg.endswith("_by") and arg.arg not in used:
                out.append(f"{where} takes {arg.arg} but never uses it")
    return out


def test_services_take_a_person_only_to_record_or_check_them():
    assert problems() == []


def test_it_finds_an_unused_or_vague_actor(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "services.py").write_text(
        "def a(*, x, acting_user=None):\n    return x\n"
        "def b(*, x, closed_by=None):\n    return x\n"
        "def c(*, x, closed_by=None):\n    return x, closed_by\n"
    )
    assert problems(tmp_path) == [
        "plans/services.py:a takes acting_user (name it for what it records, or drop it)",
        "plans/services.py:b takes closed_by but never uses it",
    ]
