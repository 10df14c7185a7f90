"""The ISCM table's filter box (progressive enhancement) hides the rows that do not match."""


def test_filter_shows_only_matching_rows(html_files, open_page):
    path = next(p for p in html_files if p.name.startswith("iscm-table-") and
                p.stem.endswith("-en"))
    page = open_page(path, 1280)
    all_rows = page.locator(".iscm tbody tr:not(.group)").count()
    page.get_by_label("Filter the table").fill("budapest")
    visible = page.locator(".iscm tbody tr:not(.group):visible")
    texts = visible.all_inner_texts()
    assert 0 < len(texts) < all_rows
    assert all("budapest" in t.lower() for t in texts)
    assert page.locator(".filter-status").inner_text() == f"Mechanisms shown: {len(texts)}"
    page.get_by_label("Filter the table").fill("")
    assert page.locator(".iscm tbody tr:not(.group):visible").count() == all_rows
