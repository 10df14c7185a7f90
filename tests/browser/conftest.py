"""Browser checks (`make test-browser`): vnu, axe-core in headless Chromium, screenshots, PDF/UA.

They run on the session's build of the shipped inputs (tests/conftest.py: `shipped`),
in every language the project builds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ARCHIVE_PAGES, ROOT

BROWSER_DIR = Path(__file__).parent
NODE_MODULES = BROWSER_DIR / "node_modules"
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
WIDTHS = (375, 768, 1280)


@pytest.hookimpl(tryfirst=True)  # before -m selects on the marker
def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_DIR in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.exists() and terminalreporter.config.getoption("markexpr") == "browser":
        terminalreporter.write_line(f"Screenshots for a person to look at: {SCREENSHOTS}")


@pytest.fixture(scope="session")
def html_files(shipped) -> list[Path]:
    """The year's web pages, and the archive page in every language beside the year."""
    files = sorted(shipped.folder.glob("*.html"))
    archive = [shipped.folder.parent / name for name in ARCHIVE_PAGES]
    assert files and all(page.is_file() for page in archive)
    return files + archive


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open a local file at a width; every request that is not a file: URL is refused
    and remembered, so a test can assert that the page asked for nothing remote."""
    pages = []

    def open_(path: Path, width: int = 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.remote_requests = []

        def route(route):
            if route.request.url.startswith("file:"):
                return route.continue_()
            page.remote_requests.append(route.request.url)
            return route.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()
