"""Helpers on pandas columns that every stage uses. Imports nothing from the package."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd


def parse_distinct(values: pd.Series, parse: Callable[[object], object]
                   ) -> tuple[np.ndarray, list]:
    """parse applied once per distinct value: (index of each value's result, the results).

    Tens of thousands of rows hold a few hundred distinct values; parsing those
    once keeps validation fast.
    """
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=False)
    return codes, [parse(value) for value in uniques]


def rows_by_code(codes: np.ndarray) -> list[np.ndarray]:
    """Positions holding each code, for codes 0..max: one sort instead of a scan per code."""
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(codes.max(initial=-1) + 2))
    return [order[bounds[k]:bounds[k + 1]] for k in range(len(bounds) - 1)]


def objects(values, index: pd.Index) -> pd.Series:
    """A column of Python objects, as parse_table makes every column: pandas 3 would infer
    its own string type for a column of strings, which is slow to go through row by row
    (itertuples, sets of a column)."""
    return pd.Series(values, index=index, dtype=object)
