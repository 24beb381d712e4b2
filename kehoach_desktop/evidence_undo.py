"""Removing an evidence record so that it can be put back (issue 16: Ctrl+Z, “Hoàn tác”).

The file itself never leaves the hashed store on removal: only the record goes (with the
criterion links the database drops with it). The file's date is refreshed, so the unused-file
cleanup (which spares files younger than EVIDENCE_GRACE) leaves it alone meanwhile, and the
undo puts back the record and its links as they were. No Qt: the window calls these.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .db import assessment as assessment_sql
from .db import store, transaction
from .errors import NotFoundError
from .model import Evidence


@dataclass
class RemovedEvidence:
    record: dict  # the evidence row as it was
    links: list[dict] = field(default_factory=list)  # its criterion links (issue 12), dropped with it

    @property
    def task_id(self) -> int:
        return self.record["task_id"]


def remove(ws, evidence_id: int) -> RemovedEvidence:
    """Forget one evidence record (one transaction) and return what is needed to put it back."""
    with transaction(ws.db):
        record = store.get_evidence(ws.db, evidence_id)
        if record is None:
            raise NotFoundError(f"Không có tài liệu kiểm chứng số {evidence_id}.")
        links = assessment_sql.links_of_evidence(ws.db, evidence_id)
        store.delete_evidence(ws.db, evidence_id)
    _refresh_file_date(ws, record.get("file_sha256"))
    return RemovedEvidence(record, links)


def restore(ws, removed: RemovedEvidence) -> Evidence:
    """Put a removed record back (under its old id when still free) with its criterion links."""
    record = dict(removed.record)
    with transaction(ws.db):
        if store.get_task(ws.db, record["task_id"]) is None:
            raise NotFoundError("Nhiệm vụ của tài liệu kiểm chứng này không còn trong dữ liệu: không hoàn tác được.")
        new_id = store.insert_evidence_as(ws.db, record, keep_id=store.get_evidence(ws.db, record["id"]) is None)
        for link in removed.links:
            if store.get_criterion(ws.db, link["criterion_id"]) is not None:
                assessment_sql.insert_link(ws.db, {**link, "evidence_id": new_id})
    _refresh_file_date(ws, record.get("file_sha256"))
    return ws._evidence(store.get_evidence(ws.db, new_id))


def _refresh_file_date(ws, sha256: str | None) -> None:
    """The stored file counts as just used: the cleanup keeps it for the grace period."""
    if not sha256:
        return
    try:
        os.utime(ws.evidence.path_for(sha256))
    except OSError:  # already missing: the record shows “Tệp bị thiếu”, as before
        pass
