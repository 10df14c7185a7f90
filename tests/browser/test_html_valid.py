"""Every HTML output is valid HTML5 for the Nu HTML Checker (vnu.jar, npm package vnu-jar)."""

import json
import subprocess

from tests.browser.conftest import NODE_MODULES


def test_vnu_reports_no_errors(html_files):
    vnu = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--format", "json",
                             *map(str, html_files)], capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [(m.get("url", "").rsplit("/", 1)[-1], m.get("lastLine"), m["message"])
              for m in messages if m.get("type") == "error"]
    assert errors == []
    assert result.returncode == 0
