"""The services the window and the command line share, over one agency's data folder.

A Workspace owns the SQLite connection and the evidence store of one data folder. Every
method that changes data runs as one transaction and returns plain values.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from . import db as storage
from . import failures
from .db.migrations import refuse_if_too_new
from .backup import EVIDENCE_GRACE, BackupInfo, BackupManager
from .db import maintenance, store, transaction
from .deadlines import parse_deadline
from .errors import InvalidInputError, NotFoundError, SaveConflictError, StorageError
from .evidence_store import EvidenceStore
from .health import EvidenceCheck, check_evidence
from .limits import PROGRESS_FIELD_LABELS, check_annex, check_evidence_file, check_number, check_text
from .matching import resolve_role, split_phrases
from .model import (
    AgencyKind, AgencyProfile, Authority, Evidence, Progress, Role, Status, TaskRow,
)
from .paths import DB_FILE_NAME, resolve_data_dir
from .outcomes import is_overdue_at
from .text import clean_cell, format_decimal, nfc

if TYPE_CHECKING:  # issue 17: the import and exchange services load at their first use, not at start
    from .exchange.apply import PackageSummary
    from .exchange.content import ExportResult
    from .exchange.packages import OpenedPackage
    from .importing import ImportSummary, ProgressCallback

DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class Counts:
    """The status bar's figures."""
    total: int
    mine: int
    done: int
    overdue: int
    due_soon: int


class Workspace:
    def __init__(self, data_dir: Path, *, check_health: bool = True):
        """Open the data folder. `check_health=False` is for the window's worker threads: the
        window's own Workspace checked the file at start and keeps it open."""
        self.data_dir = Path(data_dir)
        self.read_only = not failures.prepare_data_folder(self.data_dir)  # issue 15
        self.db_path = self.data_dir / DB_FILE_NAME
        self.backups = BackupManager(self.data_dir)
        if check_health:
            self.backups.refuse_if_damaged()  # before anything opens the file for writing
        if not self.read_only:
            self.backups.remove_stray_copies()  # issue 15: what a killed restore left behind
        if self.read_only:
            self.db = _open_for_reading(self.db_path)
            self.evidence = EvidenceStore(self.data_dir / "evidence")
            return
        try:
            self.db = storage.open_database(self.db_path)
        except (OSError, sqlite3.Error) as error:  # issue 15: a full or failing disk, said as such
            failures.raise_as_storage(error, self.data_dir)
            raise
        try:
            if 0 < storage.current_version(self.db) < storage.SCHEMA_VERSION:
                self.backups.create(self.db.conn, "nang-cap")
            storage.migrate(self.db, db_name=str(self.db_path))
        except Exception as error:
            self.db.close()
            failures.raise_as_storage(error, self.data_dir)
            raise
        self.evidence = EvidenceStore(self.data_dir / "evidence")

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> "Workspace":
        return cls(resolve_data_dir(data_dir))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- profile ----------------------------------------------------------------------------

    def profile(self) -> AgencyProfile | None:
        row = store.get_profile(self.db)
        if row is None:
            return None
        return AgencyProfile(
            name=row["name"], kind=AgencyKind(row["kind"]), governing_body=row["governing_body"],
            place=row["place"], symbol=row["symbol"], signer_name=row["signer_name"],
            signer_title=row["signer_title"], authority=Authority(row["authority"]),
        )

    def save_profile(self, profile: AgencyProfile) -> AgencyProfile:
        cleaned = AgencyProfile(
            name=clean_cell(profile.name), kind=AgencyKind(profile.kind),
            governing_body=clean_cell(profile.governing_body), place=clean_cell(profile.place),
            symbol=clean_cell(profile.symbol), signer_name=clean_cell(profile.signer_name),
            signer_title=clean_cell(profile.signer_title), authority=Authority(profile.authority),
        )
        if not cleaned.name:
            raise InvalidInputError("Tên cơ quan, đơn vị không được để trống.")
        with transaction(self.db):
            store.save_profile(self.db, cleaned.to_json())
        return cleaned

    # --- import -----------------------------------------------------------------------------

    def preview_import(self, path: str | Path, columns: dict | None = None,
                       progress: ProgressCallback | None = None) -> ImportSummary:
        """Read and summarize an annex without writing anything.

        `columns`: the user's column mapping (table key or "*" → column → role); the mapping
        remembered for a table's layout applies when none is given for it (issue 14).
        `progress` is called between the steps, so that the window's Hủy stops the reading (issue 15)."""
        from .exchange import service as exchange
        from .importing import UnknownLayoutError, read_annex, summarize

        report = progress or (lambda *args: None)
        report(0, 3, f"Đang kiểm tra tệp {Path(path).name}…")
        exchange.refuse_as_annex(Path(path))
        try:
            annex = read_annex(path, self._column_overrides(columns))
        except UnknownLayoutError as error:  # the window offers the column mapping instead
            error.summary = summarize(error.annex, self.profile())
            raise
        report(2, 3, "Đang đối chiếu với đơn vị…")
        check_annex(annex)  # issue 15: what the program accepts it can write out and read back
        summary = summarize(annex, self.profile())
        report(3, 3, "")
        return summary

    def import_annex(self, path: str | Path, progress: ProgressCallback | None = None,
                     columns: dict | None = None) -> ImportSummary:
        from .exchange import service as exchange
        from .importer.mapping import remember as remember_columns
        from .importing import apply_annex, read_annex, summarize

        exchange.refuse_as_annex(Path(path))
        if progress:
            progress(0, 0, f"Đang đọc {Path(path).name}…")  # Hủy stops here too (issue 15)
        annex = read_annex(path, self._column_overrides(columns))
        check_annex(annex)  # issue 15
        if progress:
            progress(0, 0, "Đang ghi dữ liệu…")
        summary = summarize(annex, self.profile())
        self.backup_before("nhap")
        summary.changes = apply_annex(self.db, annex, Path(path).name, progress)
        summary.applied = True
        try:
            remember_columns(self.data_dir, summary.tables)  # after the data: only a convenience
        except OSError:
            summary.warnings.append({"sheet": Path(path).name, "row": None,
                                     "message": "Không ghi nhớ được cách đọc cột (thư mục dữ liệu không ghi được)."})
        return summary

    def task_also_serves(self, task_id: int) -> list[dict]:
        """The criteria a task serves besides its own: a task cell merged over several (issue 14)."""
        return store.task_also_serves(self.db, task_id)

    def _column_overrides(self, columns: dict | None) -> dict:
        """Mappings remembered for layouts in this data folder, with the user's own on top (issue 14)."""
        from .importer.mapping import load as load_columns

        return {**load_columns(self.data_dir), **(columns or {})}

    # --- exchange by USB: packages (.khbc, .khnv) and the results workbook (.xlsx) ----------

    def export_package(self, target: str | Path, *, period: dict | None = None,
                       audience: AgencyProfile | None = None, plan_ids=None,
                       progress: ProgressCallback | None = None) -> ExportResult:
        """Write a progress (.khbc) or task (.khnv) package, read back and verified."""
        from .exchange.packages import export_package as _export_package

        return _export_package(self.db, self.evidence, Path(target), self.profile(), plan_ids=plan_ids,
                               period=period, audience=audience, progress=progress)

    def export_workbook(self, target: str | Path, *, period: dict | None = None, all_tasks: bool = False,
                        plan_ids=None, progress: ProgressCallback | None = None) -> ExportResult:
        """Write the agency's tasks and results as an .xlsx, read back and verified."""
        from .exchange.workbook import export_workbook as _export_workbook

        return _export_workbook(self.db, self.evidence, Path(target), self.profile(), period=period,
                                all_tasks=all_tasks, plan_ids=plan_ids, progress=progress)

    def open_package(self, path: str | Path, progress: ProgressCallback | None = None) -> OpenedPackage:
        """Check a package (or the program's workbook), read once off the stick, its evidence unpacked to the temporary folder.

        Nothing is written to the data; the caller closes the result when done.
        """
        from .exchange import service as exchange

        return exchange.open_for_import(Path(path), self.data_dir / "tmp", self.profile(), self.evidence, progress)

    def preview_package(self, package: OpenedPackage | str | Path) -> PackageSummary:
        from .exchange import service as exchange

        with self._opened(package) as opened:
            return exchange.preview(self.db, self.evidence, opened, self.profile())

    def import_package(self, package: OpenedPackage | str | Path,
                       progress: ProgressCallback | None = None) -> PackageSummary:
        from .exchange import service as exchange

        with self._opened(package, progress) as opened:
            self.backup_before("nhap-goi")
            return exchange.import_opened(self.db, self.evidence, opened, self.profile(), progress)

    @contextlib.contextmanager
    def _opened(self, package, progress: ProgressCallback | None = None) -> Iterator[OpenedPackage]:
        from .exchange.packages import OpenedPackage

        if isinstance(package, OpenedPackage):
            yield package
            return
        with self.open_package(package, progress) as opened:
            yield opened

    def has_plans(self) -> bool:
        return bool(store.list_plans(self.db))

    def plans(self) -> list[dict]:
        return store.list_plans(self.db)

    # --- tasks ------------------------------------------------------------------------------

    def tasks(self, *, mine_only: bool = False, plan_id: int | None = None) -> list[TaskRow]:
        """Every task (of one plan with `plan_id`: a report or an overview does not read every plan)."""
        return list(self.iter_tasks(mine_only=mine_only, plan_id=plan_id))

    def iter_tasks(self, *, mine_only: bool = False, plan_id: int | None = None) -> Iterator[TaskRow]:
        """tasks(), each made as it is read: a listing written out as it goes keeps a few tasks
        in memory, not 20,000 (issue 17). The rows come from a query still open: no writes meanwhile."""
        profile = self.profile()
        if plan_id is None:
            criteria_rows, listing = store.all_criteria(self.db), store.task_listing(self.db)
        else:
            criteria_rows, listing = store.plan_criteria_rows(self.db, plan_id), store.plan_task_listing(self.db, plan_id)
        criteria = {row["id"]: row for row in criteria_rows}
        texts = _TextCache(profile)  # an annex repeats its role and deadline texts: each is read once
        rows = (self._task_row(row, profile, criteria, texts) for row in listing)
        if mine_only:
            rows = (row for row in rows if row.role is not None and not row.removed)
        return rows

    def task(self, task_id: int) -> TaskRow:
        found = store.task_rows(self.db, task_id)
        if not found:
            raise NotFoundError(f"Không có nhiệm vụ số {task_id}.")
        criteria = {row["id"]: row for row in store.criterion_chain(self.db, found[0]["criterion_id"])}
        return self._task_row(found[0], self.profile(), criteria)

    def _task_row(self, row: dict, profile: AgencyProfile | None, criteria: dict[int, dict],
                  texts: "_TextCache | None" = None) -> TaskRow:
        texts = texts or _TextCache(profile)
        match = texts.role(row["lead"], row["implementing"], row["cooperating"])
        role, reason = match.role, match.reason
        override = row["role_override"]
        if override:
            role = None if override == "none" else Role(override)
            reason = override_reason(match, role)  # issue 16: what the annex said, and that the user overrode it
        deadline = texts.deadline(row["deadline_text"], row["plan_year"])
        area = criteria.get(row["criterion_id"])
        while area is not None and area["parent_id"] is not None:
            area = criteria.get(area["parent_id"])
        return TaskRow(
            id=row["id"], plan_id=row["plan_id"],
            index_name=row["index_name"], index_kind=row["index_kind"],
            area_code=area["code"] if area else "", area_title=area["title"] if area else "",
            code=row["criterion_code"] or "", criterion=row["criterion_title"] or "",
            max_score=row["max_score"], content=row["content"],
            deadline_text=row["deadline_text"], due_date=deadline.due_date, recurring=deadline.recurring,
            due_dates=deadline.dates,
            evidence_required=row["evidence_required"],
            lead=texts.phrases(row["lead"]), implementing=texts.phrases(row["implementing"]),
            cooperating=texts.phrases(row["cooperating"]),
            role=role, role_reason=reason, role_overridden=bool(override), conditional=match.conditional,
            removed=bool(row["removed"]),
            status=Status(row["status"]) if row["status"] else Status.NOT_STARTED,
            percent=row["percent"] or 0, result=row["result"] or "",
            completed_on=dt.date.fromisoformat(row["completed_on"]) if row["completed_on"] else None,
            score=row["score"], evidence_count=row["evidence_count"], updated_at=row["updated_at"],
            extra=_criterion_extra(criteria.get(row["criterion_id"])),  # issue 12
        )

    def set_role_override(self, task_id: int, role: Role | None | str) -> TaskRow:
        """Fix the agency's role in a task by hand; "auto" (or None) returns to matching."""
        self.task(task_id)
        value = None if role in (None, "auto") else ("none" if role == "none" else Role(role).value)
        with transaction(self.db):
            store.update_task(self.db, task_id, {"role_override": value})
        return self.task(task_id)

    def counts(self, today: dt.date | None = None) -> Counts:
        return count_tasks(self.tasks(), today or dt.date.today())

    # --- progress ---------------------------------------------------------------------------

    def progress(self, task_id: int) -> Progress:
        self.task(task_id)
        row = store.get_progress(self.db, task_id)
        if row is None:
            return Progress(task_id=task_id)
        return Progress(
            task_id=task_id, status=Status(row["status"]), percent=row["percent"], result=row["result"],
            completed_on=dt.date.fromisoformat(row["completed_on"]) if row["completed_on"] else None,
            score=row["score"], difficulties=row["difficulties"], proposals=row["proposals"],
            updated_at=row["updated_at"], revision=row["revision"],
        )

    def save_progress(
        self, progress: Progress, new_evidence: list[tuple[Evidence, Path | None]] = (),
        *, base: Progress | None = None,
    ) -> Progress:
        """Validate and save a task's progress, with any new evidence, as one transaction.

        With `base` (the record as the window loaded it) only the fields that differ from it
        are written, over the record as it is now; when someone else saved the same fields
        meanwhile, SaveConflictError says so and nothing is written. Without `base` every
        field is written."""
        task = self.task(progress.task_id)
        mine = self._validate(progress, task)  # checked and cleaned once: the values as stored
        for item, path in new_evidence:  # refuse before any file is copied
            _check_evidence(item, path)
            self._check_evidence_limits(path)
        stored = [(item, self.evidence.add(Path(path)) if path else None) for item, path in new_evidence]
        with transaction(self.db):  # BEGIN IMMEDIATE: the record read here is the one replaced
            current = self._progress_now(progress.task_id)
            now_values = _progress_values(current)
            if base is None:
                changed = mine
            else:
                before = _progress_values(base)
                changed = {key: value for key, value in mine.items() if value != before[key]}
                if current.revision != base.revision:
                    _refuse_conflict(task, current, changed, before, now_values)
            if changed or stored:
                merged = {**now_values, **changed}  # both already cleaned (and their texts' lengths checked)
                if base is not None:  # the stored fields meet the user's: the record checked as a whole
                    _check_record(merged, task)
                now = dt.datetime.now().isoformat(timespec="seconds")
                store.write_progress(self.db, progress.task_id, {**merged, "updated_at": now}, current.revision + 1)
                for item, file in stored:
                    store.insert_evidence(self.db, self._evidence_values(progress.task_id, item, file, now))
        return self.progress(progress.task_id)

    def update_progress(self, task_id: int, changes: dict,
                        new_evidence: list[tuple[Evidence, Path | None]] = ()) -> Progress:
        """Set only the given fields (the command line's --status, --percent…) over the record
        as it is at the moment of writing: a concurrent save of other fields is kept."""
        for _attempt in range(5):
            base = self.progress(task_id)
            wanted = _progress_from(task_id, {**_progress_values(base), **changes})
            wanted.revision = base.revision
            try:
                return self.save_progress(wanted, new_evidence, base=base)
            except SaveConflictError:
                continue  # someone saved between our read and our write: read again, our fields win
        return self.save_progress(_progress_from(task_id, {**_progress_values(self.progress(task_id)),
                                                           **changes}), new_evidence)

    def _progress_now(self, task_id: int) -> Progress:
        row = store.get_progress(self.db, task_id)
        if row is None:
            return Progress(task_id=task_id)
        return _progress_from(task_id, row, revision=row["revision"], updated_at=row["updated_at"])

    def _check_evidence_limits(self, path) -> None:
        if path:
            files, size = maintenance.evidence_totals(self.db.conn)
            check_evidence_file(Path(path), files, size)

    def validate_progress(self, progress: Progress) -> None:
        """Raise InvalidInputError when the progress could not be saved as it is."""
        self._validate(progress, self.task(progress.task_id))

    def _validate(self, progress: Progress, task: TaskRow) -> dict:
        """Check the progress and return its values as stored (texts cleaned once)."""
        if not isinstance(progress.status, Status):
            progress.status = Status.parse(str(progress.status))
        if not 0 <= int(progress.percent) <= 100:
            raise InvalidInputError(f"Tỷ lệ hoàn thành {progress.percent}% không hợp lệ (phải từ 0 đến 100).")
        progress.score = check_number(progress.score, "Điểm tự chấm")
        values = _progress_values(progress)  # the texts' lengths checked here, in the order of the form
        _check_record(values, task)
        return values

    # --- evidence ---------------------------------------------------------------------------

    def evidence_list(self, task_id: int) -> list[Evidence]:
        return [self._evidence(row) for row in store.list_evidence(self.db, task_id)]

    def add_evidence(self, task_id: int, evidence: Evidence, file: str | Path | None = None) -> Evidence:
        self.task(task_id)
        _check_evidence(evidence, file)
        self._check_evidence_limits(file)
        stored = self.evidence.add(Path(file)) if file else None
        now = dt.datetime.now().isoformat(timespec="seconds")
        with transaction(self.db):
            new_id = store.insert_evidence(self.db, self._evidence_values(task_id, evidence, stored, now))
        return self._evidence(store.get_evidence(self.db, new_id))

    def remove_evidence(self, evidence_id: int):
        """Forget an evidence record, in one transaction. Its file stays in the store: backups and
        an undo may refer to it. Returns what evidence_undo.restore needs to put it back."""
        from . import evidence_undo

        return evidence_undo.remove(self, evidence_id)

    def evidence_file_status(self, evidence: Evidence) -> str:
        """"" without a file; else "ok", "missing" or "altered" — by its size only, cheap enough
        for the window to ask on every task shown. Opening the file and `kehoach check`
        compare the full SHA-256."""
        if not evidence.file_sha256:
            return ""
        return self.evidence.quick_status(evidence.file_sha256, evidence.file_size)

    def check_evidence(self, progress: ProgressCallback | None = None) -> EvidenceCheck:
        """Every stored evidence file checked against its SHA-256."""
        return check_evidence(maintenance.evidence_file_rows(self.db.conn), self.evidence, progress)

    def evidence_copy_to_open(self, evidence_id: int) -> Path:
        row = store.get_evidence(self.db, evidence_id)
        if row is None or not row["file_sha256"]:
            raise NotFoundError("Tài liệu này không có tệp đính kèm.")
        return self.evidence.open_copy(row["file_sha256"], row["file_name"] or "tai-lieu", self.data_dir / "tmp")

    def _evidence_values(self, task_id: int, item: Evidence, stored, now: str) -> dict:
        return {
            "task_id": task_id, "number": check_text(item.number, "Số, ký hiệu"),
            "date": item.date.isoformat() if item.date else None,
            "issuer": check_text(item.issuer, "Cơ quan ban hành"),
            "abstract": check_text(item.abstract, "Trích yếu"),
            "file_sha256": stored.sha256 if stored else None,
            "file_name": nfc(stored.name) if stored else None,
            "file_size": stored.size if stored else None, "added_at": now,
        }

    # --- report (the bulk lives in kehoach_desktop/report) -----------------------------------

    def report_texts(self, period, plan_id: int | None = None, today: dt.date | None = None):
        """The report texts saved for a plan and period, else prefilled from the tasks' notes."""
        from .report import service

        return service.load_texts(self, period, plan_id, today)

    def save_report_texts(self, period, texts, plan_id: int | None = None):
        from .report import service

        return service.save_texts(self, period, texts, plan_id)

    def build_report(self, period, texts=None, plan_id: int | None = None, today: dt.date | None = None):
        from .report import service

        return service.build(self, period, texts, plan_id, today)

    def write_report(self, path: str | Path, period, texts=None, plan_id: int | None = None,
                     today: dt.date | None = None, progress: ProgressCallback | None = None) -> Path:
        """Build the report and write it as PDF or Word (by the file's extension)."""
        from .report import service

        service.output_format(path)  # refuse a wrong extension before any work
        # issue 13: a numbered, dated report goes into the issued-report register
        return service.write_issued(self, self.build_report(period, texts, plan_id, today), path, progress)

    # --- backups ------------------------------------------------------------------------------

    def backup(self, reason: str = "thu-cong", *, out: str | Path | None = None) -> BackupInfo:
        """Back up the data now (into the backups folder, or into the file `out`)."""
        info = self.backups.create(self.db.conn, reason, out=Path(out) if out else None)
        if out is None:
            self.backups.thin()
            self.collect_unused_evidence()
        return info

    def backup_before(self, reason: str) -> BackupInfo | None:
        """The backup always made before a change that rewrites much data (an annex or a
        package import); skipped while the data file holds nothing at all."""
        if not maintenance.has_rows(self.db.conn):
            return None
        return self.backup_if_changed(reason)  # the newest backup may already hold these data

    def backup_if_changed(self, reason: str = "tu-dong") -> BackupInfo | None:
        """A backup when the data differ from the newest backup (at start, every 30 minutes)."""
        if self.read_only:  # nothing can change, nothing can be written (issue 15)
            return None
        if not self.backups.changed_since_latest(self.db.conn):
            return None
        return self.backup(reason)

    def collect_unused_evidence(self) -> list[str]:
        """Delete evidence files that neither the data nor any kept backup refers to (and that
        are older than EVIDENCE_GRACE). Returns their digests."""
        in_backups = self.backups.referenced_evidence()
        if in_backups is None:
            return []
        with transaction(self.db):  # no other program can commit a new reference meanwhile
            in_use = maintenance.evidence_hashes(self.db.conn) | in_backups
            return self.evidence.remove_unused(in_use, older_than=EVIDENCE_GRACE.total_seconds())

    @staticmethod
    def _evidence(row: dict) -> Evidence:
        return Evidence(
            id=row["id"], task_id=row["task_id"], number=row["number"],
            date=dt.date.fromisoformat(row["date"]) if row["date"] else None,
            issuer=row["issuer"], abstract=row["abstract"], file_sha256=row["file_sha256"],
            file_name=row["file_name"], file_size=row["file_size"], added_at=row["added_at"],
        )

    # --- one plan's tasks (issue 16) ---

    def plan_tasks(self, plan_id: int) -> list[TaskRow]:
        return self.tasks(plan_id=plan_id)

    # --- start-up (issue 17) ---

    def task_count(self) -> int:
        """How many tasks the folder holds (all plans): the window's start chooses how to read them."""
        return store.task_count(self.db)


# --- saving only what changed (issue 15) ---

_EDITED = tuple(PROGRESS_FIELD_LABELS)


def _progress_values(progress: Progress) -> dict:
    """The fields a user edits, as stored: cleaned text, ISO dates."""
    return {
        "status": Status(progress.status).value,
        "percent": int(progress.percent), "result": check_text(progress.result, "Kết quả"),
        "completed_on": progress.completed_on.isoformat() if progress.completed_on else None,
        "score": progress.score, "difficulties": check_text(progress.difficulties, "Khó khăn"),
        "proposals": check_text(progress.proposals, "Đề xuất"),
    }


def _check_record(values: dict, task: TaskRow) -> None:
    """What a progress record must satisfy as a whole: the score within the criterion's maximum,
    no completion date in the future (`values` as _progress_values gives them)."""
    score = check_number(values["score"], "Điểm tự chấm")
    if score is not None:
        if score < 0:
            raise InvalidInputError("Điểm tự chấm không được âm.")
        if task.max_score is not None and score > task.max_score + 1e-9:
            raise InvalidInputError(
                f"Điểm tự chấm {format_decimal(score, 4)} vượt điểm tối đa "
                f"{format_decimal(task.max_score, 4)} của tiêu chí {task.code}."
            )
        if task.max_score is None and task.code == "" and score > 100:
            raise InvalidInputError("Điểm tự chấm không hợp lệ.")
    completed = values["completed_on"]
    if completed and dt.date.fromisoformat(completed) > dt.date.today() + dt.timedelta(days=1):
        raise InvalidInputError("Ngày hoàn thành không thể ở tương lai.")


def _progress_from(task_id: int, values: dict, **extra) -> Progress:
    completed = values["completed_on"]
    if isinstance(completed, str):
        completed = dt.date.fromisoformat(completed)
    return Progress(task_id=task_id, status=Status(values["status"]), percent=values["percent"],
                    result=values["result"], completed_on=completed, score=values["score"],
                    difficulties=values["difficulties"], proposals=values["proposals"], **extra)


def _refuse_conflict(task: TaskRow, current: Progress, changed: dict, before: dict, now_values: dict) -> None:
    """Raise SaveConflictError when a field the user changed was also changed, differently,
    by another save since the window loaded the record."""
    clashing = [key for key in changed if now_values[key] != before[key] and now_values[key] != changed[key]]
    if not clashing:
        return
    kept = {**now_values, **{key: value for key, value in changed.items() if key not in clashing}}
    labels = ", ".join(PROGRESS_FIELD_LABELS[key].lower() for key in clashing)
    raise SaveConflictError(
        f"Kết quả của nhiệm vụ {task.code or task.id} vừa được lưu ở nơi khác (cửa sổ khác hoặc dòng lệnh) "
        f"trong lúc bạn sửa; {labels} ở hai nơi khác nhau. Chưa ghi gì: hãy chọn giữ bản nào.",
        fields=clashing, theirs=current, mine=_progress_from(task.id, {**now_values, **changed}, revision=current.revision),
        theirs_kept=_progress_from(task.id, kept, revision=current.revision),
    )


def _open_for_reading(db_path: Path):
    """A data folder that can only be read (a read-only share, a locked stick) opens for
    reading: every change is then refused as a read-only folder (issue 15)."""
    if not db_path.is_file():
        raise StorageError(failures.message(failures.READ_ONLY, db_path.parent) + " Thư mục này chưa có dữ liệu.")
    db = storage.Database(maintenance.open_read_only(db_path))
    version = storage.current_version(db)
    if version != storage.SCHEMA_VERSION:
        db.close()
        refuse_if_too_new(version, str(db_path))
        raise StorageError(f"Dữ liệu ở “{db_path.parent}” là của phiên bản khác của chương trình và cần được "
                           "nâng cấp, nhưng thư mục chỉ cho phép đọc. Hãy cấp quyền ghi rồi mở lại.")
    return db


def _check_evidence(item: Evidence, file: str | Path | None) -> None:
    if not (item.number.strip() or item.abstract.strip() or file):
        raise InvalidInputError("Tài liệu kiểm chứng cần có số, ký hiệu, trích yếu hoặc tệp đính kèm.")
    if file and not Path(file).is_file():
        raise NotFoundError(f"Không tìm thấy tệp tài liệu kiểm chứng “{file}”.")


def count_tasks(rows: list[TaskRow], today: dt.date) -> Counts:
    """The status bar's figures for rows already read (removed tasks left out)."""
    current = [row for row in rows if not row.removed]
    mine = [row for row in current if row.role]
    return Counts(
        total=len(current),
        mine=len(mine),
        done=sum(row.status == Status.DONE for row in mine),
        overdue=sum(is_overdue(row, today) for row in mine),
        due_soon=sum(is_due_soon(row, today) for row in mine),
    )


def is_overdue(row: TaskRow, today: dt.date) -> bool:
    """Overdue today by the reports' own rule, so the window and the report count alike."""
    return not row.removed and is_overdue_at(row, today)


def is_due_soon(row: TaskRow, today: dt.date) -> bool:
    """One of the task's dates (a report of a recurring task, or its deadline) is near."""
    dates = row.due_dates or ((row.due_date,) if row.due_date else ())
    near = any(today <= d <= today + dt.timedelta(days=DUE_SOON_DAYS) for d in dates)
    return near and row.status not in (Status.DONE, Status.NOT_FEASIBLE) and not row.removed


# --- self-assessment (issue 12) ---

def _criterion_extra(criterion: dict | None) -> dict:
    """The criterion's printed result of last year and target, shown in the task's detail pane."""
    if criterion is None:
        return {}
    return {"criterion_id": criterion["id"], "prior_result": criterion["prior_result"], "target": criterion["target"]}
# --- role override wording (issue 16) ---


def override_reason(match, chosen: Role | None) -> str:
    """The reason line of a role set by hand: the annex's own reading first, then the user's choice."""
    annex = (f"Theo phụ lục: {match.role.label} — {match.reason}." if match.role
             else "Theo phụ lục: không giao cho đơn vị.")
    choice = "Không phải việc của đơn vị" if chosen is None else chosen.label
    return f"{annex} Đơn vị đã tự chọn “{choice}” thay cho cách đọc phụ lục."
# --- reading many tasks (issue 17) ------------------------------------------------------------

class _TextCache:
    """Role matching, deadlines and phrase lists of the texts already seen in one read of the
    tasks: pure functions of the texts, which an annex repeats on most of its rows."""

    def __init__(self, profile: AgencyProfile | None):
        self.profile = profile
        self._roles: dict = {}
        self._deadlines: dict = {}
        self._phrases: dict = {}

    def role(self, lead: str, implementing: str, cooperating: str):
        key = (lead, implementing, cooperating)
        found = self._roles.get(key)
        if found is None:
            found = self._roles[key] = resolve_role(self.profile, lead, implementing, cooperating)
        return found

    def deadline(self, text: str, year):
        key = (text, year)
        found = self._deadlines.get(key)
        if found is None:
            found = self._deadlines[key] = parse_deadline(text, year)
        return found

    def phrases(self, text: str) -> list[str]:
        found = self._phrases.get(text)
        if found is None:
            found = self._phrases[text] = tuple(split_phrases(text))
        return list(found)  # each row its own list
