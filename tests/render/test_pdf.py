"""PDF: WeasyPrint fetches only the project's own files."""

import pytest

from pipeline.config import BulletinConfig
from pipeline.render.pdf import project_fetcher


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/",
                                 "https://example.org/font.woff", "file:///etc/passwd"])
def test_the_renderer_fetches_nothing_outside_templates(url):
    from weasyprint.urls import FatalURLFetchingError
    fetcher = project_fetcher(BulletinConfig())
    with pytest.raises(FatalURLFetchingError):
        fetcher.fetch(url)


def test_the_renderer_reads_the_bundled_fonts():
    config = BulletinConfig()
    font = config.templates_dir / "assets" / "fonts" / "NotoSans-Regular.ttf"
    response = project_fetcher(config).fetch(font.as_uri())
    assert response.read(4) == b"\x00\x01\x00\x00"
