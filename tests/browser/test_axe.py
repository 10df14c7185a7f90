"""WCAG 2.1 AA: axe-core finds no violation in any HTML output, at any of the three widths."""

import pytest

from tests.browser.conftest import NODE_MODULES, WIDTHS

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(scope="module")
def axe_script() -> str:
    return (NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violations(html_files, open_page, axe_script, width):
    found = {}
    for path in html_files:
        page = open_page(path, width)
        page.add_script_tag(content=axe_script)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
                      for v in result["violations"]]
        if violations:
            found[path.name] = violations
        assert page.remote_requests == [], path.name
    assert found == {}
