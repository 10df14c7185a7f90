"""The floor plan: `ls pipeline/` is the pipeline, and no folder imports a folder above it.

The kernel (languages, wording, errors, model, config) is below every folder; then the folders, in
the order of FOLDERS; then the commands (build, preview, cli), which may use any folder;
then tools/, which nothing imports. The core does not depend on the CLI library.
Functions stay short enough to read: ruff's complexity limits (pyproject.toml, `make lint`)
replace a cap on a module's lines, which split code by size rather than by concern.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"

KERNEL = ("languages", "wording", "errors", "model", "config")
"""Modules every stage shares, in order: each imports only those before it."""
FOLDERS = ("utils", "world", "contract", "read", "validate", "aggregate", "lang", "compose",
           "render", "publish", "updates")
"""The stage folders, bottom to top: a folder imports only the kernel, itself and the
folders before it."""
COMMANDS = ("build", "preview", "cli", "__main__")
"""The commands, in order: each may import any folder and the commands before it."""
TOOLS = "tools"
"""Developers' generators (docs, templates, catalogues, map): they may import anything;
nothing imports them."""


def modules() -> dict[str, Path]:
    """Dotted name under pipeline/ -> file, packages' __init__ files under their folder's
    name (validate, aggregate)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            found[".".join(parts)] = path
    return found


def is_package(name: str) -> bool:
    return (PACKAGE / name.replace(".", "/") / "__init__.py").is_file()


def imported(path: Path, name: str) -> set[str]:
    """The package's modules a module imports (at its top or inside a function)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        parts = package.split(".") if package else []
        base = parts[: len(parts) - node.level + 1]
        prefix = ".".join([*base, *(node.module.split(".") if node.module else [])])
        if node.module:
            found.add(prefix)
        else:
            found |= {f"{prefix}.{a.name}".strip(".") for a in node.names}
    return found


def rank(name: str) -> tuple[int, int]:
    """Where a module stands: (group, position in its group)."""
    head = name.split(".")[0]
    if head in KERNEL:
        return 0, KERNEL.index(head)
    if head in FOLDERS:
        return 1, FOLDERS.index(head)
    if head in COMMANDS:
        return 2, COMMANDS.index(head)
    if head == TOOLS:
        return 3, 0
    raise AssertionError(f"{name} has no place in the floor plan")


def test_every_module_has_its_place():
    for name in modules():
        rank(name)


def test_ls_pipeline_shows_the_stages():
    """Only the kernel, the commands and the folders at the top: every other module is in a
    folder."""
    top = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
           if not p.name.startswith((".", "__pycache__")) and (p.suffix == ".py" or p.is_dir())}
    assert top == {*KERNEL, *COMMANDS, *FOLDERS, TOOLS, "locale", "__init__"}


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_folder_imports_a_folder_above_it(name):
    own = rank(name)
    above = {other for other in imported(modules()[name], name) if rank(other) > own}
    assert not above, f"{name} imports {above}, which stand above it"


def test_nothing_imports_the_tools():
    for name, path in modules().items():
        if not name.startswith(TOOLS):
            assert not {m for m in imported(path, name) if m.startswith(TOOLS)}, name


def test_the_core_does_not_depend_on_the_cli_library():
    for name, path in modules().items():
        if name not in ("cli", "__main__"):
            tree = ast.parse(path.read_text())
            names = {alias.name.split(".")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.Import | ast.ImportFrom)
                     for alias in (node.names if isinstance(node, ast.Import) else
                                   [ast.alias(node.module or "")])}
            assert "click" not in names, name


def test_a_folder_importing_one_above_it_would_be_caught(tmp_path):
    module = tmp_path / "ingest.py"
    module.write_text("from ..render import pages\n")
    found = imported(module, "read.ingest")
    assert found == {"render"} and rank("render") > rank("read.ingest")


def test_the_maintainers_guide_names_every_folder():
    """docs/maintainers.md, "Layout", is checked against the folders: one row per folder."""
    guide = (ROOT / "docs" / "maintainers.md").read_text(encoding="utf-8")
    layout = guide.split("## Layout", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^  (\w+)/", layout, re.MULTILINE))
    assert named == {*FOLDERS, TOOLS, "locale"}


def test_the_tests_mirror_the_folders():
    """tests/<folder>/test_<module>.py tests pipeline/<folder>/<module>.py (the folder's
    __init__ for validate and aggregate); the cross-cutting tests stay at tests/."""
    tests = ROOT / "tests"
    for folder in (p for p in tests.iterdir()
                   if (p / "__init__.py").is_file() and p.name != "data"):  # the input corpus
        assert folder.name in (*FOLDERS, TOOLS), folder.name
        for test in folder.glob("test_*.py"):
            module = test.stem.removeprefix("test_")
            assert module == folder.name or f"{folder.name}.{module}" in modules(), \
                test.relative_to(ROOT)
