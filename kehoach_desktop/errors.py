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


class DatabaseDamagedError(KehoachError):
    """The data file is damaged; nothing was written, a copy of it was kept aside.

    `problems` says what was found, `kept_at` where the damaged files were copied and
    `latest_backup` (a backup.BackupInfo or None) what can be restored.
    """

    def __init__(self, message: str, *, path, problems: list[str], kept_at=None, latest_backup=None):
        super().__init__(message)
        self.path = path
        self.problems = problems
        self.kept_at = kept_at
        self.latest_backup = latest_backup


class BackupError(KehoachError):
    """A backup could not be made or a backup file cannot be restored."""


class EvidenceFileAlteredError(KehoachError):
    """An evidence file no longer has the content it had when it was attached."""
