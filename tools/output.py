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


def sync_tree(root: Path, files: dict[str, str]) -> tuple[list[str], list[str]]:
    """Make the generated tree under ``root`` hold exactly ``files``.

    Returns (written, removed) relative paths.  Stale generated files are
    removed so a renamed article does not linger as an orphan page.
    """
    written = [rel for rel, text in sorted(files.items()) if write_if_changed(root / rel, text)]
    removed = []
    if root.exists():
        for path in sorted(root.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            if rel not in files:
                path.unlink()
                removed.append(rel)
    return written, removed
