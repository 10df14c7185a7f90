"""Time read + validate + aggregate (build.bulletin_data) on an inputs folder (bench/run.py).

    python -m bench.stages FOLDER            -> JSON: seconds, cpu, peak_mb, rows
    python -m bench.stages FOLDER ENGINE     -> JSON: seconds to read every sheet with ENGINE

Each measurement runs in a fresh process, so that its peak memory (ru_maxrss,
imports included) is its own and no cache is warm.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import pandas as pd

from pipeline import build
from pipeline.config import BulletinConfig
from pipeline.read import ingest


def read_to_aggregate(folder: Path) -> dict:
    started, cpu = time.perf_counter(), time.process_time()
    data, _ = build.bulletin_data(BulletinConfig(inputs_dir=folder))
    timing = {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
              "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    raw = ingest.read_inputs(folder)  # for the row counts only, after the timing
    return {**timing, "rows": {name: len(table.frame) for name, table in raw.tables.items()},
            "meetings_in_year": data.summary.meetings_in_year}


def read_only(folder: Path, engine: str) -> dict:
    """Every sheet read by pandas with one engine, cells as they are (no header, no types)."""
    started = time.perf_counter()
    cells = sum(frame.size for path in ingest.find_input_files(folder)
                for frame in pd.read_excel(path, sheet_name=None, header=None, dtype=object,
                                           engine=engine).values())
    return {"seconds": time.perf_counter() - started, "cells": int(cells)}


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    result = read_only(folder, sys.argv[2]) if len(sys.argv) > 2 else read_to_aggregate(folder)
    print(json.dumps(result))
