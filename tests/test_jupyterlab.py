"""Smoke test in a real JupyterLab: run the charts notebook in headless Chromium.

Needs Debian's Chromium at /usr/bin/chromium and the ``playwright`` Python package (which is
only the driver here: it must never download a browser of its own). Skipped otherwise.
The server listens on the loopback interface only, works on a temporary copy of the notebooks
and data (JupyterLab autosaves outputs into the notebook it runs), and keeps its settings,
workspaces and runtime files in the temporary folder too.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = "04_actor_target_charts.ipynb"
#: The notebook draws every chart of stance.report.plots: seven images.
MIN_IMAGES = 7
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SERVER_START_TIMEOUT = 90   # seconds until the server answers
RUN_TIMEOUT = 240           # seconds for "Run All Cells" to finish
#: JupyterLab settings for the test: start the notebook's kernel without asking, keep every
#: cell in the DOM (the default windowing mode may leave cells far below the viewport
#: unrendered), and make no requests to the internet.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings":
        {"autoStartDefaultKernel": True},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (install Debian's package: apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="the playwright Python package is not installed (pip install playwright; it is in "
           "the 'dev' extra); no browser download is needed, /usr/bin/chromium is used")
pytest.importorskip("jupyterlab", reason="jupyterlab is not installed (extra 'notebooks')")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _layout(tmp_path: Path) -> Path:
    """A copy of notebooks/ and data/ side by side, so the notebooks' ../data paths hold."""
    work = tmp_path / "repo"
    shutil.copytree(ROOT / "notebooks", work / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "data", work / "data")
    return work / "notebooks"


def _environment(tmp_path: Path) -> dict:
    env = dict(os.environ)
    for name, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                      ("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
                      ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"),
                      ("IPYTHONDIR", "ipython")):
        path = tmp_path / sub
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    for rel, value in LAB_SETTINGS.items():
        path = tmp_path / "lab-settings" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    env.pop("JUPYTER_TOKEN", None)
    return env


def _get(url: str, timeout: float = 5.0) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _wait_for_server(proc: subprocess.Popen, base: str, token: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"jupyter lab exited with status {proc.returncode}:\n"
                        f"{log.read_text(errors='replace')[-3000:]}")
        try:
            if _get(f"{base}/api/status?token={token}") == 200:
                return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    pytest.fail(f"jupyter lab did not answer within {SERVER_START_TIMEOUT} s:\n"
                f"{log.read_text(errors='replace')[-3000:]}")


def _stop_server(proc: subprocess.Popen, base: str, token: str) -> None:
    """Ask the server to shut down (it stops its kernels), then terminate, then kill."""
    if proc.poll() is None:
        try:
            request = urllib.request.Request(f"{base}/api/shutdown?token={token}", method="POST")
            urllib.request.urlopen(request, timeout=5).close()
        except (urllib.error.URLError, OSError):
            pass
    for stop in (None, proc.terminate, proc.kill):
        if proc.poll() is not None:
            break
        if stop is not None:
            stop()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            continue
    if proc.poll() is None:  # pragma: no cover - last resort, our own process group only
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@pytest.fixture
def lab_server(tmp_path):
    notebook_dir = _layout(tmp_path)
    token = secrets.token_hex(16)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "jupyter-lab.log"
    with open(log, "wb") as log_fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.token={token}",
             "--port", str(port), "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
             "--notebook-dir", str(notebook_dir), "--ServerApp.allow_root=True",
             "--LabApp.news_url=", "--LabApp.extension_manager=readonly",
             "--ServerApp.shutdown_no_activity_timeout=600"],
            cwd=str(notebook_dir), env=_environment(tmp_path), stdin=subprocess.DEVNULL,
            stdout=log_fh, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_for_server(proc, base, token, log)
        yield base, token, log
    finally:
        _stop_server(proc, base, token)


def _status(page) -> dict:
    """Images in outputs, cells still running or queued, and error outputs with a traceback."""
    return page.evaluate("""() => {
        const prompts = [...document.querySelectorAll('.jp-Notebook .jp-InputPrompt')];
        const errors = [...document.querySelectorAll(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
            .filter(e => e.textContent.includes('Traceback')).map(e => e.textContent);
        const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
        return {
            images: document.querySelectorAll('.jp-OutputArea img').length,
            busy: prompts.filter(p => p.textContent.includes('*')).length,
            unexecuted: prompts.filter(p => p.textContent.trim() === '[ ]:').length,
            kernel: indicator ? indicator.getAttribute('data-status') : null,
            errors: errors,
        };
    }""")


def test_charts_notebook_runs_in_jupyterlab(lab_server, tmp_path):
    base, token, log = lab_server
    screenshot = Path(os.environ.get("STANCE_SCREENSHOT") or tmp_path / "jupyterlab.png")
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
            # Should JupyterLab still ask which kernel to start, take the one it proposes.
            select = page.locator('.jp-Dialog button:has-text("Select")')
            try:
                select.wait_for(timeout=5_000)
                select.click()
            except sync_api.TimeoutError:
                pass
            # The kernel must be up before "Run All Cells", or the cells wait in a queue.
            page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]',
                                   timeout=90_000)
            # Menu Run > Run All Cells, as a reader would do it.
            page.locator('.lm-MenuBar-itemLabel:text-is("Run")').click()
            page.locator('.lm-Menu-item:has(.lm-Menu-itemLabel:text-is("Run All Cells"))').click()

            deadline = time.monotonic() + RUN_TIMEOUT
            status = _status(page)
            while time.monotonic() < deadline:
                status = _status(page)
                done = (status["busy"] == 0 and status["unexecuted"] == 0
                        and status["kernel"] == "idle")
                if status["errors"] or (done and status["images"] >= MIN_IMAGES):
                    break
                page.wait_for_timeout(500)
            page.locator(".jp-OutputArea img").first.scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            page.screenshot(path=str(screenshot))
        finally:
            browser.close()

    assert not status["errors"], "a cell raised:\n" + "\n".join(status["errors"])[:3000]
    assert status["busy"] == 0 and status["unexecuted"] == 0, \
        f"cells still running after {RUN_TIMEOUT} s: {status}; server log: {log}"
    assert status["images"] >= MIN_IMAGES, f"only {status['images']} images rendered: {status}"
    assert screenshot.stat().st_size > 10_000
