"""The edition is current: the generated pages are exactly what the tools would write."""

from __future__ import annotations

from sizheng_edition.output import stale_pages
from sizheng_edition.project import ProjectPaths
from sizheng_edition.render.pages import GENERATED_DIRS


def stale(paths: ProjectPaths, files: dict[str, str]) -> list[str]:
    """Generated pages that differ from what the tools would write, or should not exist."""
    differ = []
    for rel, text in sorted(files.items()):
        path = paths.edition / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            differ.append(rel)
    return differ + stale_pages(paths.edition, GENERATED_DIRS, files)
