"""Opening, previewing and importing any exchange file: the steps the Workspace runs.

open_for_import copies the file into the data folder's temporary area and checks all of
it (nothing is written to the data yet); preview counts what the import would change by
applying it in a transaction that is rolled back; import_opened stores the evidence files
and writes everything in one transaction.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from ..errors import ImportRefusedError
from ..evidence_store import FILE_OK, EvidenceStore
from ..model import AgencyProfile
from .manifest import EXTENSIONS
from .apply import PackageSummary, apply_package, preview_changes, summarize
from .content import ProgressCallback
from .packages import OpenedPackage, open_package
from .schema import check_agency
from .workbook import is_own_workbook, open_workbook

WORKBOOK_EXTENSIONS = (".xlsx", ".xlsm")


def is_exchange_file(path: Path) -> bool:
    """A package, or the program's own results workbook (any other .xlsx is an annex)."""
    suffix = Path(path).suffix.lower()
    return suffix in EXTENSIONS or (suffix in WORKBOOK_EXTENSIONS and is_own_workbook(Path(path)))


def refuse_as_annex(path: Path) -> None:
    """The annex importer must never read a package or the program's own results workbook:
    the workbook lists only the agency's tasks, so as an "annex revision" it would mark every
    other task of the plan as removed."""
    if is_exchange_file(Path(path)):
        raise ImportRefusedError(
            f"Tệp “{Path(path).name}” không phải là phụ lục kế hoạch mà là gói hoặc bảng kết quả do chương trình "
            "xuất ra; hãy nhập bằng “Trao đổi (USB) → Nhập gói…” (dòng lệnh: kehoach import)."
        )


def open_for_import(path: Path, work_root: Path, profile: AgencyProfile | None, evidence: EvidenceStore,
                    progress: ProgressCallback | None = None) -> OpenedPackage:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in EXTENSIONS:
        return open_package(path, work_root, progress=progress,
                            accept=lambda manifest: check_agency(manifest, profile, path.name),
                            already_stored=lambda sha: evidence.verify(sha) == FILE_OK)
    if suffix in WORKBOOK_EXTENSIONS:
        return open_workbook(path, work_root, profile)
    raise ImportRefusedError(
        f"Tệp “{path.name}” không phải là gói báo cáo (.khbc), gói nhiệm vụ (.khnv) hay bảng kết quả Excel "
        "(.xlsx) của chương trình."
    )


def preview(db: sqlite_utils.Database, evidence: EvidenceStore, package: OpenedPackage,
            profile: AgencyProfile | None) -> PackageSummary:
    return summarize(package, preview_changes(db, evidence, package, profile), evidence)


def import_opened(db: sqlite_utils.Database, evidence: EvidenceStore, package: OpenedPackage,
                  profile: AgencyProfile | None, progress: ProgressCallback | None = None) -> PackageSummary:
    changes = apply_package(db, evidence, package, profile, progress)
    return summarize(package, changes, evidence, applied=True)
