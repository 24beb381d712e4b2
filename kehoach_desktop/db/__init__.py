"""Storage: the only package that speaks SQL."""

from .connection import Database, open_database, transaction
from .migrations import SCHEMA_VERSION, current_version, migrate

__all__ = ["Database", "open_database", "transaction", "migrate", "current_version", "SCHEMA_VERSION"]
