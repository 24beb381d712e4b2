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


# --- saving (issue 15) ---

class SaveConflictError(KehoachError):
    """The record changed since the window loaded it and both changed the same fields.

    `fields` the conflicting field names; `theirs` the Progress saved meanwhile; `mine` theirs
    with every change of the user applied; `theirs_kept` theirs with only the user's changes
    that do not conflict.
    """

    def __init__(self, message: str, *, fields, theirs, mine, theirs_kept):
        super().__init__(message)
        self.fields = list(fields)
        self.theirs = theirs
        self.mine = mine
        self.theirs_kept = theirs_kept


class StorageError(KehoachError):
    """The disk is full, read-only or gone: the data are not damaged, nothing was written."""
