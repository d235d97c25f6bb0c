"""Generated pages are written atomically and by one 'generate' at a time: a run killed
halfway leaves every page whole (old or new), and two runs at once both succeed with the
right tree."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import textwrap

import pytest
from conftest import run_cli
from sizheng_edition.output import TEMP_SUFFIX, write_atomic

OLD = "an old page\n"


def pages(project) -> dict[str, str]:
    return {
        p.relative_to(project.edition).as_posix(): p.read_text(encoding="utf-8")
        for d in ("texts", "glossary")
        for p in (project.edition / d).rglob("*")
        if p.suffix in (".md", ".inc")  # the pages and the home page's included contents list
    }


def temps(project) -> list[str]:
    return sorted(p.name for p in project.edition.rglob(f"*{TEMP_SUFFIX}"))


def killed_generate(project, kill_at: int) -> subprocess.CompletedProcess:
    """'generate' in a process that kills itself with SIGKILL: at its ``kill_at``-th
    rename of a page into place (``kill_at`` > 0), when every page is complete and on
    disk in its temporary file and the earlier ones are renamed, the latest point at
    which a non-atomic writer would leave one cut off; or (``kill_at`` 0) while the
    pages' data is being flushed to disk, before any is renamed."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from sizheng_edition import output
        calls = 0
        real_replace = os.replace
        def replace(src, dst):
            global calls
            calls += 1
            if calls == {kill_at}:
                os.kill(os.getpid(), signal.SIGKILL)
            real_replace(src, dst)
        def flush(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGKILL)
        if {kill_at}:
            os.replace = replace
        else:
            output._flush = flush
        from sizheng_edition.cli import main
        main(["--root", {str(project.root)!r}, "generate"])
        """
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("kill_at", [5, 0])
def test_a_killed_generate_leaves_no_page_cut_off(project, kill_at):
    assert run_cli(project.root, "generate").returncode == 0
    expected = pages(project)
    for rel in expected:  # every page differs from what generate writes, so each is rewritten
        (project.edition / rel).write_text(OLD, encoding="utf-8")

    result = killed_generate(project, kill_at=kill_at)
    assert result.returncode == -9, result.stderr  # SIGKILL: it died mid-run
    after = pages(project)
    assert sorted(after) == sorted(expected)
    whole = [rel for rel, text in after.items() if text == expected[rel]]
    untouched = [rel for rel, text in after.items() if text == OLD]
    renamed = max(kill_at - 1, 0)
    assert len(whole) == renamed  # renamed into place before the kill
    assert sorted(whole + untouched) == sorted(expected)  # no page is anything but old or new
    # the other pages, written beside, never renamed
    assert len(temps(project)) == len(expected) - renamed

    assert run_cli(project.root, "generate").returncode == 0
    assert pages(project) == expected
    assert temps(project) == []  # the next run removes what the killed one left
    assert run_cli(project.root, "check").returncode == 0


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    page = tmp_path / "page.md"
    page.write_text(OLD, encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(page, "新的一页\n".encode())
    assert page.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]


def test_written_pages_are_readable_by_others(tmp_path):
    """The temporary file is private (mkstemp); the page it becomes is not."""
    page = tmp_path / "page.md"
    old_mask = os.umask(0o022)
    try:
        write_atomic(page, b"x\n")
    finally:
        os.umask(old_mask)
    assert page.stat().st_mode & 0o777 == 0o644


def test_a_second_generate_waits_for_the_first(project):
    """While another run holds the edition, generate says it waits and writes nothing;
    when the lock is released it finishes and the tree is right."""
    fd = os.open(project.edition, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    cmd = [sys.executable, "-m", "sizheng_edition", "--root", str(project.root), "generate"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        assert (
            proc.stderr.readline() == f"waiting for another 'edition' run to finish with {project.edition}\n"
        )
        assert pages(project) == {}  # nothing written while the other run holds the lock
    finally:
        os.close(fd)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert run_cli(project.root, "check").returncode == 0


def test_two_generates_at_once_both_succeed(project):
    cmd = [sys.executable, "-m", "sizheng_edition", "--root", str(project.root), "generate"]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    # One wrote every page; the other, after it, found nothing to change.
    written = sorted(int(out.split()[1]) for out, _ in results)
    made = [p for d in ("texts", "glossary") for p in (project.edition / d).rglob("*") if p.is_file()]
    assert written == [0, len(made)]  # the pages and the contents the home page includes
    assert temps(project) == []
    assert run_cli(project.root, "check").returncode == 0
