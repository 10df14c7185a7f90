"""Imports run one way (ingest -> validate -> aggregate -> render -> write -> plan -> build),
and the core does not depend on the CLI library. Functions stay short enough to read: ruff's
complexity limits (pyproject.toml, `make lint`) replace the old cap on a module's lines,
which split code by size rather than by concern."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

LAYERS: tuple[tuple[str, ...], ...] = (
    # Helpers and data that import nothing back.
    ("text", "wording", "frames", "vocabularies", "errors", "labels", "titles", "model",
     "pdfua", "places", "progress"),
    ("config", "formats"),
    # What the stages share: countries, regions, references, themes, the kinds of column.
    ("countries", "glyphs", "catalogues", "regions", "references", "readers", "safety",
     "themes", "kinds"),
    ("schema",),
    ("headers", "sheets", "translator_files", "translations", "ingest"),
    ("cells", "theme_table", "publication", "validate"),
    ("history", "aggregate"),
    ("dates", "localiser", "sentences", "changed", "charts", "maps", "profiles", "ical",
     "render", "validation_report"),
    ("write", "parallel"),
    ("plan", "incremental", "kit"),
    ("editions", "archive", "dist"),
    ("build",),
    ("preview", "cli", "__main__", "tools.contract", "tools.dressing", "tools.input_templates",
     "tools.translations", "tools.map_assets"),
)
LAYER = {module: n for n, modules in enumerate(LAYERS) for module in modules}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        if not name.endswith("__init__"):
            found[name] = path
    return found


def imported(path: Path, name: str) -> set[str]:
    """The package's modules a module imports (at its top or inside a function)."""
    package = name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = package.split(".")[: len(package.split(".")) - node.level + 1] if package else []
        prefix = ".".join([*filter(None, base), *(node.module.split(".") if node.module else [])])
        if node.module:
            found.add(prefix)
        else:
            found |= {f"{prefix}.{a.name}".strip(".") for a in node.names}
    return found


def test_every_module_has_its_place():
    assert set(modules()) == set(LAYER)


@pytest.mark.parametrize("name", sorted(LAYER))
def test_imports_run_one_way(name):
    backward = {other for other in imported(modules()[name], name)
                if LAYER.get(other, -1) > LAYER[name]}
    assert not backward, f"{name} imports {backward}, which come later in the pipeline"


def test_the_core_does_not_depend_on_the_cli_library():
    for name, path in modules().items():
        if name not in ("cli", "__main__"):
            tree = ast.parse(path.read_text())
            names = {alias.name.split(".")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.Import | ast.ImportFrom)
                     for alias in (node.names if isinstance(node, ast.Import) else
                                   [ast.alias(node.module or "")])}
            assert "click" not in names, name


def test_a_backward_import_would_be_caught(tmp_path):
    module = tmp_path / "ingest.py"
    module.write_text("from .render import render_html\n")
    assert "render" in imported(module, "ingest")
