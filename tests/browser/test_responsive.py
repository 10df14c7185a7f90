"""At 375, 768 and 1280 px nothing is cut off and only the wide tables scroll sideways."""

import pytest

from tests.browser.conftest import SCREENSHOTS, WIDTHS

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const outside = [];
  for (const el of document.querySelectorAll('body *')) {
    // Inside an SVG, what lies beyond its viewBox (a map cropped to a region) is clipped.
    if (el.closest('[role=region]') || el.closest('.skip-link') || el.closest('svg *')) continue;
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1)) {
      outside.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, outside: outside.slice(0, 5)};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_scrolls_sideways_and_screenshots_are_written(html_files, open_page, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in html_files:
        page = open_page(path, width)
        result = page.evaluate(OVERFLOW)
        assert result["scroll"] <= result["width"], (path.name, width, result)
        assert result["outside"] == [], (path.name, width, result)
        page.screenshot(path=SCREENSHOTS / f"{path.stem}-{width}.png", full_page=True)


def test_wide_table_scrolls_in_its_own_region_with_a_sticky_header(html_files, open_page):
    path = next(p for p in html_files if p.name.startswith("iscm-table-"))
    page = open_page(path, 768)
    region = page.locator(".table-scroll")
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    sizes = region.evaluate(
        "el => [el.scrollWidth, el.clientWidth, el.scrollHeight, el.clientHeight]")
    assert sizes[0] > sizes[1] and sizes[2] > sizes[3]  # it scrolls both ways inside
    region.evaluate("el => el.scrollTo(0, 2000)")
    header = page.locator(".iscm thead th").first
    header_top = header.evaluate("el => el.getBoundingClientRect().top")
    region_top = region.evaluate("el => el.getBoundingClientRect().top")
    assert abs(header_top - region_top) < 2  # the header row stays in view


def test_keyboard_users_get_a_skip_link_and_a_visible_focus(html_files, open_page):
    path = next(p for p in html_files if p.name.startswith("iscm-highlights-"))
    page = open_page(path, 1280)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, "
                            "getComputedStyle(document.activeElement).outlineStyle, "
                            "document.activeElement.getBoundingClientRect().left]")
    assert focused[0] == "skip-link" and focused[1] != "none" and focused[2] >= 0
    for landmark in ("header", "nav", "main", "footer"):
        assert page.locator(landmark).count() >= 1, landmark
