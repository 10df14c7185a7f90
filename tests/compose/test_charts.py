"""Chart geometry: marks readable against the page, data table equal to the chart, RTL mirrored."""

import pytest

from pipeline.compose.charts import (
    LABELLED,
    MAP_FIGURE,
    PALETTE,
    Segment,
    bar_chart,
    number_figures,
    segments,
    themes_chart,
)
from pipeline.lang.localiser import Localiser


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", PALETTE)
def test_chart_marks_have_3_to_1_contrast_against_white_and_hold_white_text(colour):
    """3:1 for the mark on the page, 4.5:1 for the white value printed inside a segment."""
    assert 1.05 / (luminance(colour) + 0.05) >= 4.5


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


def test_a_stacked_segment_long_enough_carries_its_value():
    """A: 3 + 1 of a longest bar of 4 (88 % of the track): 66 % and 22 %, both labelled;
    B's one segment of 1 in a bar of 1 too; a segment under LABELLED % of the track is not."""
    a, b = chart().bars
    assert [(s.value, s.share) for s in a.segments] == [("3", 75.0), ("1", 25.0)]
    assert [(s.value, s.share) for s in b.segments] == [("1", 100.0)]
    crowded = bar_chart("c", "T", "D", Localiser("en"), ["A"], [("X", [30]), ("Y", [1])],
                        ("Cat", "X", "Y", "Total"))
    assert [s.value for s in crowded.bars[0].segments] == ["30", ""]
    assert 1 * 88 / 31 < LABELLED
    single = bar_chart("c", "T", "D", Localiser("en"), ["A"], [("X", [3])], ("Cat", "X"))
    assert single.bars[0].segments[0].value == ""  # one series: its value ends the bar


def summary_of(**values):
    from pipeline.model import Summary

    fields = {f.name: None for f in __import__("dataclasses").fields(Summary)}
    return Summary(**dict(fields, **values))


def test_the_themes_of_the_meetings_are_a_ranked_bar_chart():
    """Most meetings first, ties in the reader's alphabetical order of the labels."""
    from pipeline.model import Theme

    names = {key: Theme(key, {"en": en, "fr": fr}) for key, en, fr in (
        ("labour", "Labour migration", "Migration de main-d’œuvre"),
        ("border", "Border management", "Gestion des frontières"),
        ("diaspora", "Diaspora", "Diaspora"), ("integration", "Integration", "Intégration"))}
    summary = summary_of(year=2025, meetings_by_theme={
        "labour": 2, "border": 5, "diaspora": 2, "integration": 1})
    found = themes_chart(summary, Localiser("en"), names)
    assert [str(b.label) for b in found.bars] == [
        "Border management", "Diaspora", "Labour migration", "Integration"]
    assert [b.value for b in found.bars] == ["5", "2", "2", "1"]
    assert found.rows[0] == ("Border management", "5")
    assert found.title == "Themes of the meetings of 2025"
    assert found.description == "Border management was the theme of the most meetings: 5."
    french = themes_chart(summary, Localiser("fr"), names)
    assert [str(b.label) for b in french.bars][:3] == [
        "Gestion des frontières", "Diaspora", "Migration de main-d’œuvre"]
    assert themes_chart(summary_of(year=2025, meetings_by_theme={}), Localiser("en"),
                        names) is None


def test_figures_are_numbered_in_the_order_of_the_page_after_the_map():
    first, second = chart(), chart()
    numbered = number_figures(first, None, second)
    assert [c.number if c else None for c in numbered] == [MAP_FIGURE + 1, None,
                                                           MAP_FIGURE + 2]
