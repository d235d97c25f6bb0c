"""One error type for bad input: it always names the file and, where known, the line."""

from __future__ import annotations


class EditionError(Exception):
    """Bad input: reported as ``file:line: message`` and a non-zero exit, never a traceback."""

    def __init__(self, path: str, line: int | None, message: str, column: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        self.column = column  # 1-based, in characters; only with a line
        where = f"{path}:{line}" if line is not None else path
        if line is not None and column is not None:
            where += f":{column}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[EditionError], tuple[str, int | None, str, int | None]]:
        # Errors cross process boundaries when sources are converted in parallel.
        return (EditionError, (self.path, self.line, self.message, self.column))
