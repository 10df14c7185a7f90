"""A live preview for editors: the HTML documents, rebuilt when a spreadsheet is saved.

`iscm preview` builds the HTML targets of the plan into its own folder
(``<outputs>/.preview/``, never ``<outputs>/<year>/``), serves them on
127.0.0.1, and watches the inputs and the templates. On a change it rebuilds
(only what changed, as every build does) and the open page reloads by itself:
each page served gets a small script that asks the server for the build's
number and reloads when it changes. When the inputs have errors, every page
shows the validation report instead, until they are corrected.
"""

from __future__ import annotations

import dataclasses
import html
import http.server
import json
import logging
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from . import build as builder
from .config import BulletinConfig
from .errors import BulletinError, ValidationFailed
from .lang.catalogues import report_wording
from .render import validation_report
from .wording import R_

log = logging.getLogger("iscm")

FOLDER = ".preview"
RELOAD_SCRIPT = b"""<script>
(function () {
  var seen = null;
  function poll() {
    fetch("/__build", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (b) { if (seen !== null && b.number !== seen) location.reload();
                           seen = b.number; })
      .catch(function () {}).finally(function () { setTimeout(poll, 250); });
  }
  poll();
})();
</script>
"""
"""Added to every page served (not to the files): reloads the page after a rebuild."""


@dataclasses.dataclass
class State:
    """What the server shows: the latest build's folder, or the page of its errors."""

    number: int = 0
    folder: Path | None = None
    errors: str = ""
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)


def preview_config(config: BulletinConfig) -> BulletinConfig:
    """The build options of the preview: HTML only, into its own folder."""
    return dataclasses.replace(config, outputs_dir=config.outputs_dir / FOLDER,
                               formats=("html",))


def rebuild(config: BulletinConfig, state: State) -> None:
    """Build the HTML documents; on input errors, keep the report to show instead."""
    try:
        result = builder.build(config, jobs=1)
        folder, errors = result.folder, ""
        log.info("Preview rebuilt: %s", folder)
    except ValidationFailed as failure:
        folder, errors = state.folder, validation_report.render_html(failure.report, config,
                                                                   config.year)
        log.warning(R_("The inputs have {n} error(s): the preview shows them.",
                       n=len(failure.report.errors)).render(report_wording(config.report_lang)))
    with state.lock:
        state.folder, state.errors = folder, errors
        state.number += 1


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the preview folder, with the reload script in every page."""

    def __init__(self, *args, state: State, **kwargs):
        self.state = state
        super().__init__(*args, directory=str(state.folder or "."), **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        with self.state.lock:
            number, folder, errors = self.state.number, self.state.folder, self.state.errors
        path = self.path.split("?", 1)[0]
        if path == "/__build":
            return self.send(json.dumps({"number": number}).encode(), "application/json")
        if errors and (path == "/" or path.endswith(".html")):
            return self.send(errors.encode(), "text/html; charset=utf-8", reload=True)
        if folder is None:
            return self.send(b"No build yet.", "text/plain; charset=utf-8")
        if path == "/":
            return self.send(index_page(folder).encode(), "text/html; charset=utf-8",
                             reload=True)
        self.directory = str(folder)
        if path.endswith(".html"):
            file = Path(self.translate_path(path))
            if file.is_file() and file.is_relative_to(folder):
                return self.send(file.read_bytes(), "text/html; charset=utf-8", reload=True)
        return super().do_GET()

    def send(self, body: bytes, content_type: str, reload: bool = False) -> None:
        if reload:
            body = body.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the http.server API)
        log.debug(format, *args)


def index_page(folder: Path) -> str:
    """A list of the documents of the preview, with links."""
    links = "".join(f'<li><a href="{html.escape(p.name)}">{html.escape(p.name)}</a></li>'
                    for p in sorted(folder.glob("*.html")))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Preview: '
            f'{html.escape(folder.name)}</title></head><body><main><h1>Preview of '
            f'{html.escape(folder.name)}</h1><ul>{links}</ul></main></body></html>')


def changes(config: BulletinConfig, stop: threading.Event) -> Iterator[set]:
    """Each batch of changes to the inputs or the templates (watchfiles), until stop."""
    from watchfiles import watch

    def wanted(change, path: str) -> bool:  # not the lock file Excel writes on opening
        return not Path(path).name.startswith(("~$", ".", "#"))

    yield from watch(config.inputs_dir, config.templates_dir, stop_event=stop,
                     watch_filter=wanted, debounce=100, step=20, rust_timeout=500)


def serve(config: BulletinConfig, port: int = 8000) -> None:
    """Build, serve on 127.0.0.1:port and rebuild on every change, until Ctrl-C."""
    config = preview_config(config)
    state = State()
    rebuild(config, state)
    if state.folder is None and not state.errors:
        raise BulletinError(R_("The preview could not build anything."))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                                 partial(Handler, state=state))
    except OSError as error:
        raise BulletinError(R_("Cannot listen on 127.0.0.1:{port} ({reason}); choose another "
                               "port: make preview PORT=8001.", port=port,
                               reason=error.strerror)) from None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log.info("Preview on http://127.0.0.1:%d/ — watching %s and %s; Ctrl-C to stop.",
             port, config.inputs_dir, config.templates_dir)
    stop = threading.Event()
    try:
        for _ in changes(config, stop):
            rebuild(config, state)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        log.info("Preview stopped.")
