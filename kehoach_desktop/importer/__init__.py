"""Reading a province's annex (phụ lục) into plain parsed structures; no database here."""

from .annex import ParsedAnnex, ParsedCriterion, ParsedIndex, ParsedTask, Warning, parse_grids
from .excel import read_excel_grids

__all__ = [
    "ParsedAnnex", "ParsedCriterion", "ParsedIndex", "ParsedTask", "Warning",
    "parse_grids", "read_excel_grids",
]
