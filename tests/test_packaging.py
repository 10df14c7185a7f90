"""A wheel of the project holds the whole package: every module of every folder, the data
files and the catalogues (pyproject.toml: packages.find and package-data)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
DATA_SUFFIXES = (".csv", ".md", ".po", ".pot")


def package_files() -> set[str]:
    """What an install needs: the modules and the data files, as paths in the wheel."""
    return {p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
            and (p.suffix == ".py" or p.suffix in DATA_SUFFIXES)}


def test_a_wheel_holds_every_module_and_data_file_of_the_package(tmp_path):
    """Built from a copy of the project (a build writes build/ beside its sources), with the
    pinned setuptools of the dev group, offline."""
    source = tmp_path / "project"
    shutil.copytree(PACKAGE, source / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "--wheel-dir", str(tmp_path / "dist"), str(source)],
                   check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        held = set(archive.namelist())
    expected = package_files()
    assert {"pipeline/world/data/un_country_names.csv", "pipeline/contract/data/themes.csv",
            "pipeline/publish/plan.py", "pipeline/validate/__init__.py",
            "pipeline/tools/contract.py", "pipeline/locale/fr/LC_MESSAGES/messages.po"} <= expected
    assert sorted(expected - held) == []
