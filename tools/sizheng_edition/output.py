"""The one place that writes generated files: only when their content changed,
so Sphinx's incremental build rebuilds only what is new."""

from __future__ import annotations

from pathlib import Path


def write_if_changed(path: Path, content: str) -> bool:
    """Write ``content`` to ``path`` unless it already holds exactly that; True if written."""
    data = content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def stale_pages(root: Path, managed: tuple[str, ...], files: dict[str, str]) -> list[str]:
    """Pages in the managed folders under ``root`` that the tools would not write."""
    found = (
        p.relative_to(root).as_posix()
        for d in managed
        if (root / d).exists()
        for p in (root / d).rglob("*.md")
    )
    return sorted(rel for rel in found if rel not in files)


def sync_tree(root: Path, managed: tuple[str, ...], files: dict[str, str]) -> tuple[list[str], list[str]]:
    """Make the managed folders under ``root`` hold exactly ``files``.

    Returns (written, removed) relative paths.  Stale generated files are
    removed so a renamed article does not linger as an orphan page.
    """
    written = [rel for rel, text in sorted(files.items()) if write_if_changed(root / rel, text)]
    removed = stale_pages(root, managed, files)
    for rel in removed:
        (root / rel).unlink()
    return written, removed
