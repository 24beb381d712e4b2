"""Errors the services raise. Their message is Vietnamese and shown to the user as is."""


class KehoachError(Exception):
    """A refusal the user must read: bad input, a file that cannot be used, a conflict."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFoundError(KehoachError):
    """The thing asked for does not exist (unknown task, missing file)."""


class InvalidInputError(KehoachError):
    """A value the user typed is malformed or out of range."""


class DatabaseTooNewError(KehoachError):
    """The data file was written by a newer version of the program."""


class ImportRefusedError(KehoachError):
    """A file offered for import cannot be read as an annex."""
