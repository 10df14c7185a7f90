"""Chart geometry: marks readable against the page, data table equal to the chart."""

import pytest

from pipeline.charts import PALETTE, WIDTH, bar_chart
from pipeline.i18n import Localiser


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", PALETTE)
def test_chart_marks_have_3_to_1_contrast_against_white(colour):
    assert (1.05) / (luminance(colour) + 0.05) >= 3


def chart(lang="en"):
    return bar_chart("c", "Title", "Description", Localiser(lang), ["A", "B"],
                     [("X", [3, 1]), ("Y", [1, 0])], ("Cat", "X", "Y", "Total"))


def test_bar_chart_table_carries_the_same_numbers():
    assert chart().rows == (("A", "3", "1", "4"), ("B", "1", "0", "1"))
    assert [m.title for m in chart().marks] == ["A, X: 3", "A, Y: 1", "B, X: 1"]


def test_bars_stay_inside_the_chart():
    for mark in chart().marks:
        assert 0 <= mark.x and mark.x + mark.width <= WIDTH
