"""The record of the last ``generate`` of a project (kept in its cache folder), so that a
run neither reads nor writes the pages that record shows current."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sizheng_edition import pipeline_cache
from sizheng_edition.project import ProjectPaths

# Beside the sources' *.pickle entries, never pruned as one of them.
MANIFEST_ENTRY = "manifest.model"


@dataclass(frozen=True)
class Manifest:
    """What the last ``generate`` of a project wrote (edge, in the cache): each seed's
    entry key, the digests of what the shared pages and the checks read of it, and its
    pages; the key of the shared pages and that of the checks (which passed); and each
    page's size, modification time and inode as that run left it.  A page whose stat is
    still that, and whose source's key (or the shared key) is still that, holds what this
    run would write: it is neither read nor written.  Any writer changes a page's mtime
    or (writing atomically, as editors and ``generate`` do) its inode; ``check`` still
    reads every page."""

    sources: dict[str, tuple[bytes, bytes, bytes, tuple[str, ...]]]
    shared: bytes
    checked: bytes
    pages: dict[str, tuple[int, int, int]]


def load_manifest(paths: ProjectPaths) -> Manifest:
    """The last run's record; an empty one if there is none or it cannot be trusted."""
    entry = pipeline_cache.project_dir(paths.root) / MANIFEST_ENTRY
    found = pipeline_cache.load(entry, _key(paths), Manifest)
    return found if found is not None else Manifest({}, b"", b"", {})


def store_manifest(paths: ProjectPaths, manifest: Manifest) -> None:
    pipeline_cache.store(pipeline_cache.project_dir(paths.root) / MANIFEST_ENTRY, _key(paths), manifest)


def unchanged(paths: ProjectPaths, last: Manifest, pages: Iterable[str]) -> bool:
    """Whether every page is still as the last run left it (a missing page is not)."""
    return all(rel in last.pages and page_stat(paths.edition / rel) == last.pages[rel] for rel in pages)


def page_stat(path: Path) -> tuple[int, int, int] | None:
    """What the manifest keeps of a page: size, mtime and inode; None if it is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _key(paths: ProjectPaths) -> bytes:
    return pipeline_cache.entry_key(b"manifest", str(paths.root.resolve()).encode())
