"""The one place that writes generated files: only when their content changed (so
Sphinx's incremental build rebuilds only what is new), each atomically (a page is
the old one or the new one, never cut off, whenever the writer is killed), and one
writer at a time (``edition_lock``)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import tempfile
from collections.abc import Collection, Container, Iterable, Iterator, Mapping
from pathlib import Path

from sizheng_edition.errors import EditionError

TEMP_SUFFIX = ".edition-tmp"  # a file being written; left behind only by a killed run


def write_if_changed(path: Path, content: str) -> bool:
    """Write ``content`` to ``path`` unless it already holds exactly that; True if written."""
    data = content.encode("utf-8")
    try:
        if path.is_file() and path.read_bytes() == data:
            return False
        write_atomic(path, data)
    except OSError as err:
        raise EditionError(str(path), None, f"cannot write: {err.strerror or err}") from None
    return True


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write beside ``path``, flush to disk, then rename over it: readers, and a run
    killed at any point, see the whole old file or the whole new one.  ``durable=False``
    skips the flush to disk, for a file that proves itself whole when read (a cache
    entry with its digest): after a power cut it may be empty, never trusted."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            # Without it a power cut after the rename can leave an empty page on some
            # file systems: the rename reaches the disk before the data.
            if durable:
                os.fsync(out.fileno())
        os.chmod(temp, 0o666 & ~_UMASK)  # mkstemp makes the file private; pages are not
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


@contextlib.contextmanager
def edition_lock(edition: Path, *, shared: bool = False) -> Iterator[None]:
    """Hold the lock on ``edition`` (the folder itself, so no lock file lies in the
    tree): exclusive for writing, shared for reading.  A second ``generate`` waits for
    the first instead of racing it over the same files; ``check`` waits for a
    ``generate`` to finish rather than read a half-written tree.  The kernel releases
    the lock when its holder exits, even if it is killed."""
    try:
        fd = os.open(edition, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as err:
        raise EditionError(str(edition), None, f"cannot open the edition folder: {err.strerror}") from None
    try:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another 'edition' run to finish with {edition}", file=sys.stderr, flush=True)
            fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def stale_pages(root: Path, managed: tuple[str, ...], files: Container[str]) -> list[str]:
    """Pages in the managed folders under ``root`` that the tools would not write."""
    return sorted(rel for rel in _names(root, managed, ".md") if rel not in files)


def leftover_temps(root: Path, managed: tuple[str, ...]) -> list[Path]:
    """Temporary files a killed run left in the managed folders."""
    return sorted(root / rel for rel in _names(root, managed, TEMP_SUFFIX))


def _names(root: Path, managed: tuple[str, ...], suffix: str) -> Iterator[str]:
    """The paths, relative to ``root`` and in POSIX form, of every entry in the managed
    folders whose name ends with ``suffix`` (as ``Path.rglob`` finds them, links to
    folders not followed; os.walk takes a tenth of its time over a thousand pages)."""
    for d in managed:
        for top, dirs, names in os.walk(root / d):
            here = Path(top).relative_to(root).as_posix()
            yield from (f"{here}/{name}" for name in (*dirs, *names) if name.endswith(suffix))


def sync_tree(
    root: Path,
    managed: tuple[str, ...],
    files: Mapping[str, str] | Iterable[tuple[str, str]],
    *,
    current: Collection[str] = (),
) -> tuple[list[str], list[str]]:
    """Make the managed folders under ``root`` hold exactly ``files`` and ``current``:
    ``files`` a mapping, or pairs of path and text made one at a time, so that no run
    need hold every page; ``current`` the paths the caller knows to hold their text
    already (``pipeline.Manifest``), neither read nor written here.

    Returns (written, removed) relative paths, sorted.  Stale generated files are
    removed so a renamed article does not linger as an orphan page.  The caller
    holds ``edition_lock``.
    """
    for temp in leftover_temps(root, managed):
        temp.unlink(missing_ok=True)
    pairs = sorted(files.items()) if isinstance(files, Mapping) else files
    seen: set[str] = set(current)
    written = []
    for rel, text in pairs:
        if rel in seen:  # two renderers claiming one page: a bug, not bad input
            raise ValueError(f"two generated pages at {rel}")
        seen.add(rel)
        if write_if_changed(root / rel, text):
            written.append(rel)
    removed = stale_pages(root, managed, seen)
    for rel in removed:
        (root / rel).unlink(missing_ok=True)
    return sorted(written), removed
