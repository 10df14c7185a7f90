"""The writers: HTML and JSON text, PDF, XLSX and the assets, each into the staging folder.

Files of the build are written here only (the preview and the developer tools
write files of their own).

Everything goes to a staging folder next to the outputs, which replaces
``outputs/<year>/`` only once every document is built: a failed run leaves the
previous outputs as they were. Files that have not changed since the previous
build are carried over into it rather than written again, and so are, in a
partial build (LANGS, DOCS, FORMATS), the files it does not make (incremental.py).
Every writer is deterministic: no clock, no random identifiers, fixed ZIP
timestamps.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import BulletinConfig

if TYPE_CHECKING:  # model imports pandas; the output formats name these writers on the
    from ..model import Summary  # CLI's quick "up to date" path, which must not load it

ASSETS = "assets"


@contextlib.contextmanager
def staging(config: BulletinConfig, year: int) -> Iterator[Path]:
    """A fresh folder to write into; it becomes outputs/<year>/ only if the block succeeds."""
    config.outputs_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".staging-{year}-", dir=config.outputs_dir))
    stage.chmod(0o755)  # mkdtemp makes it private; the documents are for everyone
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    publish(stage, config.outputs_dir / str(year))


def publish(stage: Path, target: Path) -> None:
    """Swap the staging folder into place: two renames, the old copy removed last."""
    old = None
    if target.exists():
        old = target.with_name(f".previous-{target.name}")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    stage.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def asset_files(config: BulletinConfig) -> list[tuple[str, Path]]:
    """(name under the outputs folder, source) of the stylesheets and fonts the HTML files
    link to: they are copied next to them, so that they work offline."""
    root = config.templates_dir / ASSETS
    return [(f"{ASSETS}/{p.relative_to(root).as_posix()}", p)
            for p in sorted(root.rglob("*")) if p.is_file()]


def published_files(folder: Path) -> tuple[str, ...]:
    """The files of a year's folder, by their path in it, sorted: the documents and data
    files, and those in its subfolders (data/meetings.csv) but the assets'; never a hidden
    one."""
    return tuple(sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.relative_to(folder).parts[0] != ASSETS))


def copy_file(path: Path, source: Path) -> Path:
    shutil.copy2(source, path)
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def atomically(path: Path, writer, **content) -> Path:
    """Write a file beside its place, then move it there: never a half-written file."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        writer(partial, **content)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def summary_json(summary: Summary) -> str:
    return json.dumps(asdict(summary), indent=2, ensure_ascii=False) + "\n"
