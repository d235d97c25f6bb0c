"""Generated files are rewritten only when their content changes."""

from __future__ import annotations

import os

import pytest
from sizheng_edition import output
from sizheng_edition.output import TEMP_SUFFIX, batch_atomic, sync_tree, write_if_changed


def test_unchanged_content_is_not_rewritten(tmp_path):
    path = tmp_path / "a.md"
    assert write_if_changed(path, "甲\n") is True
    os.utime(path, (1, 1))
    assert write_if_changed(path, "甲\n") is False
    assert path.stat().st_mtime == 1
    assert write_if_changed(path, "乙\n") is True
    assert path.read_text(encoding="utf-8") == "乙\n"


def test_sync_removes_stale_pages_only(tmp_path):
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "old.md").write_text("x", encoding="utf-8")
    (tmp_path / "index.md").write_text("hand-written", encoding="utf-8")
    written, removed = sync_tree(tmp_path, ("texts",), {"texts/000/new.md": "y"})
    assert (written, removed) == (["texts/000/new.md"], ["texts/old.md"])
    assert (tmp_path / "index.md").exists()
    assert (tmp_path / "keep.txt").exists()


def test_sync_takes_pages_one_at_a_time(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "old.md").write_text("x", encoding="utf-8")
    (tmp_path / "texts" / "same.md").write_text("s", encoding="utf-8")
    made: list[str] = []

    def pages():  # a generator: sync_tree must not need every page at once
        for rel, text in [("texts/b.md", "b"), ("texts/same.md", "s"), ("texts/a.md", "a")]:
            made.append(rel)
            yield rel, text

    written, removed = sync_tree(tmp_path, ("texts",), pages())
    assert (written, removed) == (["texts/a.md", "texts/b.md"], ["texts/old.md"])
    assert len(made) == 3
    assert (tmp_path / "texts" / "a.md").read_text(encoding="utf-8") == "a"


def test_sync_refuses_two_pages_at_one_path(tmp_path):
    with pytest.raises(ValueError, match=r"two generated pages at texts/a\.md"):
        sync_tree(tmp_path, ("texts",), iter([("texts/a.md", "1"), ("texts/a.md", "2")]))


@pytest.mark.parametrize("syncfs", [True, False])
def test_batch_renames_only_after_the_flush(tmp_path, monkeypatch, syncfs):
    """No page takes its new name before every page's data is on disk (one syncfs, or
    an fsync each), so a power cut cannot leave a page cut off; an old page stays
    whole until then."""
    (tmp_path / "a.md").write_bytes(b"old")
    flushed: list[list[str]] = []
    real = output._flush

    def flush(temps, folders, *, syncfs):
        assert (tmp_path / "a.md").read_bytes() == b"old"
        assert not (tmp_path / "d" / "b.md").exists()
        flushed.append(sorted(os.path.basename(t) for t in temps))
        real(temps, folders, syncfs=syncfs)

    monkeypatch.setattr(output, "_flush", flush)
    with batch_atomic(syncfs=syncfs) as write:
        write(tmp_path / "a.md", b"new")
        write(tmp_path / "d" / "b.md", b"b")
    assert len(flushed) == 1 and len(flushed[0]) == 2
    assert (tmp_path / "a.md").read_bytes() == b"new"
    assert (tmp_path / "d" / "b.md").read_bytes() == b"b"
    assert not list(tmp_path.rglob(f"*{TEMP_SUFFIX}"))


def test_batch_renames_nothing_after_an_error(tmp_path):
    (tmp_path / "a.md").write_bytes(b"old")
    with pytest.raises(RuntimeError), batch_atomic() as write:
        write(tmp_path / "a.md", b"new")
        write(tmp_path / "b.md", b"b")
        raise RuntimeError
    assert (tmp_path / "a.md").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_regenerating_the_edition_writes_nothing(project):
    from sizheng_edition.cli import main

    assert main(["--root", str(project.root), "generate"]) == 0
    stamps = {p: p.stat().st_mtime_ns for p in project.edition.rglob("*.md")}
    assert main(["--root", str(project.root), "generate"]) == 0
    assert {p: p.stat().st_mtime_ns for p in project.edition.rglob("*.md")} == stamps


def test_a_closed_pipe_ends_quietly(tmp_path):
    """`edition cli-reference | head`: when the reader has gone, no traceback."""
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first write: deterministic
    cmd = [sys.executable, "-m", "sizheng_edition", "cli-reference"]
    result = subprocess.run(cmd, stdout=write_end, stderr=subprocess.PIPE, text=True, check=False)
    os.close(write_end)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
