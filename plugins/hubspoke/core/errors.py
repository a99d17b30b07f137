"""Problems found in content files, reported with file, line and field."""

from __future__ import annotations

from dataclasses import dataclass


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
