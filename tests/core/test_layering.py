"""core is the ground floor: no module of it imports another Liaison app (the apps above
it plug into its registries and signals from their AppConfig.ready() instead)."""

import ast
from pathlib import Path

import liaison.core

CORE = Path(liaison.core.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_other_liaison_app():
    above = {
        f"{path.relative_to(CORE)}: {name}"
        for path in CORE.rglob("*.py")
        for name in imported_modules(path)
        if name.startswith("liaison.") and not name.startswith("liaison.core")
    }
    assert above == set()
