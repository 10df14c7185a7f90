"""Chart geometry: marks readable against the page, data table equal to the chart, RTL mirrored."""

import pytest

from pipeline.compose.charts import PALETTE, Segment, bar_chart, segments
from pipeline.lang.localiser import Localiser


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", PALETTE)
def test_chart_marks_have_3_to_1_contrast_against_white(colour):
    assert 1.05 / (luminance(colour) + 0.05) >= 3


def chart(lang="en"):
    return bar_chart("c", "Title", "Description", Localiser(lang), ["A", "B"],
                     [("X", [3, 1]), ("Y", [1, 0])], ("Cat", "X", "Y", "Total"))


def test_bar_chart_table_carries_the_same_numbers():
    assert chart().rows == (("A", "3", "1", "4"), ("B", "1", "0", "1"))
    assert [b.title for b in chart().bars] == ["A: 4 (X 3, Y 1)", "B: 1 (X 1)"]


def test_longest_bar_sets_the_scale():
    assert [b.size for b in chart().bars] == [88, 22]


def test_segments_start_from_the_right_on_a_right_to_left_page():
    assert segments([3, 0, 1], rtl=False) == (Segment(0, 3, PALETTE[0]), Segment(3, 1, PALETTE[2]))
    assert segments([3, 0, 1], rtl=True) == (Segment(1, 3, PALETTE[0]), Segment(0, 1, PALETTE[2]))


def trends(per_year: dict[int, dict[str, int]], lang="en"):
    from pipeline.compose.charts import trends_chart
    from pipeline.model import Summary

    fields = {f.name: None for f in __import__("dataclasses").fields(Summary)}
    summary = Summary(**dict(fields, year=max(per_year), meetings_per_year_by_level=per_year,
                             meetings_per_year={y: sum(v.values())
                                                for y, v in per_year.items()}))
    return trends_chart(summary, Localiser(lang))


LEVELS = ("ministerial", "senior-officials", "technical", "thematic", "working-group",
          "summit", "other")


def test_trends_show_the_last_ten_years_with_their_data_table():
    per_year = {y: dict.fromkeys(LEVELS, 0) | {"ministerial": y - 2010, "technical": 1}
                for y in range(2012, 2026)}
    chart = trends(per_year)
    assert [row[0] for row in chart.rows] == [str(y) for y in range(2016, 2026)]
    assert chart.headers == ("Year", "Ministerial", "Technical", "Total")
    assert chart.rows[-1] == ("2025", "15", "1", "16")
    assert chart.title == "Meetings per year by level, 2016–2025"
    assert chart.description == "The busiest of these years was 2025, with 16 meetings."


def test_trends_sum_the_levels_past_the_palette_as_other_levels():
    per_year = {y: dict.fromkeys(LEVELS, 1) for y in (2024, 2025)}
    chart = trends(per_year)
    assert chart.headers == ("Year", "Ministerial", "Senior officials", "Technical",
                             "Other levels", "Total")
    assert chart.rows[0] == ("2024", "1", "1", "1", "4", "7")


def test_no_trend_with_a_single_year():
    assert trends({2025: dict.fromkeys(LEVELS, 3)}) is None
