"""Input files opened strictly: a regular file, not a link, and every way the file
system can refuse one (missing, a directory, a FIFO, no permission) an EditionError
naming it, so that no input ends in a traceback."""

from __future__ import annotations

import stat
from pathlib import Path

from sizheng_edition.errors import EditionError


def require_file(path: Path, what: str) -> None:
    """``path`` is a regular file that is not a symbolic link."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        raise EditionError(str(path), None, f"no such file: the {what} is missing") from None
    except OSError as err:
        raise EditionError(str(path), None, f"cannot read the {what}: {err.strerror}") from None
    if stat.S_ISLNK(mode):
        # A link makes the edition depend on a file outside the project, which a
        # clone does not carry and which can change without the project knowing.
        raise EditionError(str(path), None, f"the {what} is a symbolic link; put the file itself here")
    if stat.S_ISDIR(mode):
        raise EditionError(str(path), None, f"the {what} is a directory, not a file")
    if not stat.S_ISREG(mode):
        # Reading a FIFO would block for ever; a device is never an input.
        raise EditionError(str(path), None, f"the {what} is not a regular file (a FIFO, socket or device)")


def require_dir(path: Path, what: str) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise EditionError(str(path), None, f"no such directory: the {what} is missing") from None
    except OSError as err:
        raise EditionError(str(path), None, f"cannot open the {what}: {err.strerror}") from None
    if not stat.S_ISDIR(mode):
        raise EditionError(str(path), None, f"the {what} is not a directory")


def read_input(path: Path, what: str) -> bytes:
    """The bytes of an input file that must be a regular file, not a link."""
    require_file(path, what)
    try:
        return path.read_bytes()
    except OSError as err:
        raise EditionError(str(path), None, f"cannot read the {what}: {err.strerror}") from None
