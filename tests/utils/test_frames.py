"""Column helpers: each distinct value parsed once, rows grouped by value."""

import pandas as pd

from pipeline.utils.frames import parse_distinct, rows_by_code


def test_each_distinct_value_is_parsed_once():
    seen = []
    codes, results = parse_distinct(pd.Series(["a", "b", "a", "", "b"]),
                                    lambda v: seen.append(v) or v.upper())
    assert seen == ["a", "b", ""]
    assert [results[c] for c in codes] == ["A", "B", "A", "", "B"]


def test_rows_by_code_lists_the_positions_of_each_value():
    codes, _ = parse_distinct(pd.Series(["x", "y", "x", "x"]), str)
    assert [list(p) for p in rows_by_code(codes)] == [[0, 2, 3], [1]]
    assert rows_by_code(parse_distinct(pd.Series([], dtype=object), str)[0]) == []
