"""Timing a build for the benches (bench/scale, bench/import-real): wall and
CPU seconds and the peak memory of a command and every process it starts;
and a real Pelican blog built as its repository builds itself (its own
pelicanconf.py, theme and plugins, with the Pelican its requirements pin:
4.8), once as it is and once with Pelican's own content cache on
(`CACHE_CONTENT = True`, `LOAD_CONTENT_CACHE = True`), cold then warm.
Standard library only; it runs in the site's .venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support import QUIET, ROOT, pelican_venv

SAMPLE_SECONDS = 0.1
# The conference blog's own pins (pythonindia/inpycon-blog, requirements.txt): how it builds.
PELICAN_OWN_PINS = ["pelican==4.8.0", "markdown==3.4.3", "Jinja2==3.1.2"]
PELICAN_OWN_VENV = ROOT / "bench" / ".cache" / "pelican48-venv"
# Its settings, with Pelican's content cache on, in a file beside them.
CACHED_SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F401,F403 (the blog's own settings)
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = {cache!r}
"""


# Running and measuring -------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float  # user + system, of the process and all it waited for
    mib: float  # peak resident memory of the process and its children together
    status: int
    output: str


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and its descendants now (a build may fork workers)."""
    parents, rss = {}, {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rfind(")") + 2:].split()
            parents[int(name)], rss[int(name)] = int(fields[1]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += [child for child, parent in parents.items() if parent == pid]
    return total


def run(cmd: list, cwd: Path, check: bool = True, env: dict | None = None) -> Run:
    """Run a command, sampling its processes' memory; exit with its output when it fails and `check`."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen([str(c) for c in cmd], cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **QUIET, **(env or {})})
        peak, done = [0], threading.Event()

        def sample():
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], tree_rss(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode(errors="replace")
    if check and process.returncode:
        sys.exit(f"failed ({process.returncode}): {' '.join(map(str, cmd))}\n{output[-4000:]}")
    # ru_maxrss is the largest single process; the sampler adds up a tree of them.
    mib = max(usage.ru_maxrss * 1024, peak[0]) / 2**20
    return Run(elapsed, usage.ru_utime + usage.ru_stime, mib, process.returncode, output)


def pelican_own_venv() -> Path:
    """A venv with the blog's own Pelican, made on first use (and again when the pins change)."""
    return pelican_venv(PELICAN_OWN_VENV, PELICAN_OWN_PINS)


def blog_root(content: Path) -> Path | None:
    """The blog's repository when a content folder sits in one (its pelicanconf.py beside it)."""
    for folder in (content, content.parent):
        if (folder / "pelicanconf.py").is_file():
            return folder
    return None


def pelican_own(root: Path, work: Path) -> dict[str, Run]:
    """The blog built as it builds itself ("own"), then with Pelican's content
    cache on: a first build that fills it ("cache cold"), and a second that
    reads it ("cache warm"). A copy of the repository is built; its output
    and any cache it held are left out."""
    blog = work / "pelican-own"
    shutil.rmtree(blog, ignore_errors=True)
    shutil.copytree(root, blog, ignore=shutil.ignore_patterns(".git", "output", "cache", "__pycache__"))
    (blog / "pelicanconf_cached.py").write_text(CACHED_SETTINGS.format(root=str(blog), cache=str(blog / "cache")))
    pelican = pelican_own_venv() / "bin" / "pelican"
    content = "content" if (blog / "content").is_dir() else "."

    def build(settings: str) -> Run:
        shutil.rmtree(blog / "output", ignore_errors=True)
        return run([pelican, content, "--output", "output", "--settings", settings, "-q"], cwd=blog)

    own = build("pelicanconf.py")
    cold = build("pelicanconf_cached.py")
    warm = build("pelicanconf_cached.py")
    return {"own": own, "cache cold": cold, "cache warm": warm}
