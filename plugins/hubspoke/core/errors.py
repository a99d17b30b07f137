"""Problems found in content files, reported with file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one content file, phrased for an editor."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        field = f" field '{self.field}':" if self.field else ""
        return f"{where}:{field} {self.message}"


def shown_path(path: Path, root: Path) -> str:
    """How messages name a file: as the editor knows it, relative to `root` (the folder of
    mkdocs.yml), e.g. content/blog/posts/launch.md; outside `root`, as it is."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class ContentError(Exception):
    """Raised with every problem found, so an editor can fix them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(f"  {p}" for p in self.problems)
        return f"{count} {noun} in the content:\n{lines}"


def _sort_key(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field or "", problem.message)


class ProblemList:
    """Collects problems while loading; raises them together at the end."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, path: str, message: str, *, field: str | None = None, line: int | None = None):
        self.items.append(Problem(str(path), line, field, message))

    def extend(self, problems) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)
