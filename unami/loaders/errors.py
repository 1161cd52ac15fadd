"""Problems found in data files, reported together as one-line messages."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one record of one file."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: {self.field}: {self.message}"


class DataError(Exception):
    """The data files have problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))

    def __reduce__(self):
        # Pickled with its problems (a bulk file is validated in a child process), not with its message.
        return (DataError, (self.problems,))
