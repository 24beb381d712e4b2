"""Criterion scores in progress packages (issue 12): an optional `criterion_scores` list in the
package data, each score with the documents that prove it and where. Packages written before it
have no such list and still import; the consolidator reads each lead department's proposal."""

from __future__ import annotations

from ..db import assessment as sql
from ..db import store
from .safe_zip import refuse

SCORE_COLUMNS = ("score", "not_applicable", "not_applicable_reason", "explanation", "note", "updated_at")
LINK_COLUMNS = ("number", "date", "issuer", "abstract", "file_sha256", "file_name", "file_size", "location", "added_at")
CHANGE_KEYS = ("scores_added", "scores_updated", "scores_unchanged", "scores_kept_local")
CHANGE_PHRASES = [("scores_added", "thêm điểm tự chấm của {} tiêu chí"),
                  ("scores_updated", "cập nhật điểm tự chấm của {} tiêu chí"),
                  ("scores_kept_local", "giữ điểm tự chấm trong máy (mới hơn trong gói) của {} tiêu chí")]


def collect(db, plan_id: int, criterion_refs: dict[int, int], task_refs: dict[int, int]) -> list[dict]:
    """The plan's criterion scores as package records; a task's evidence is named by its task."""
    links: dict[int, list[dict]] = {}
    for link in sql.plan_evidence_links(db, plan_id):
        record = {key: link[key] for key in LINK_COLUMNS}
        record["task"] = task_refs.get(link["task_id"]) if link["task_id"] is not None else None
        links.setdefault(link["criterion_id"], []).append(record)
    records = []
    for row in sql.plan_scores(db, plan_id):
        if row["criterion_id"] in criterion_refs:
            records.append({"criterion": criterion_refs[row["criterion_id"]],
                            **{key: row[key] for key in SCORE_COLUMNS},
                            "not_applicable": bool(row["not_applicable"]),
                            "evidence": links.get(row["criterion_id"], [])})
    return records


def link_files(records: list[dict]) -> list[tuple[str, int | None, str | None]]:
    """(sha256, size, name) of the files of documents added to a criterion directly."""
    return [(link["file_sha256"], link["file_size"], link["file_name"]) for record in records
            for link in record["evidence"] if link["file_sha256"] and link["task"] is None]


def check(records, criterion_refs: set[int], task_refs: set[int], display_name: str, specs: dict) -> None:
    """The optional list: absent (an older package) or records of the shape the program writes."""
    if records is None:
        return
    if not isinstance(records, list):
        raise refuse(display_name, "dữ liệu trong gói không hợp lệ (điểm tự chấm)")
    seen: set[int] = set()
    for record in records:
        _need(record, specs["score"], display_name)
        if record["criterion"] not in criterion_refs or record["criterion"] in seen:
            raise refuse(display_name, "dữ liệu trong gói không hợp lệ (điểm tự chấm của tiêu chí không có)")
        seen.add(record["criterion"])
        for link in record["evidence"]:
            _need(link, specs["link"], display_name)
            if link["task"] is not None and link["task"] not in task_refs:
                raise refuse(display_name, "dữ liệu trong gói không hợp lệ (tài liệu của nhiệm vụ không có)")


def _need(record, spec: dict, display_name: str) -> None:
    if not isinstance(record, dict) or any(key not in record or not ok(record[key]) for key, ok in spec.items()):
        raise refuse(display_name, "dữ liệu trong gói không hợp lệ (điểm tự chấm)")


def apply(db, records: list[dict], criterion_ids: dict[int, int], task_ids: dict[int, int],
          changes: dict[str, int]) -> None:
    """A score replaces the local one when newer; documents not yet linked are added (a task's
    evidence linked to the local record of the same document)."""
    for key in CHANGE_KEYS:
        changes.setdefault(key, 0)
    for record in records or []:
        criterion_id = criterion_ids[record["criterion"]]
        values = {key: record[key] for key in SCORE_COLUMNS}
        values["not_applicable"] = int(values["not_applicable"])
        local = sql.get_score(db, criterion_id)
        if local is None:
            sql.save_score(db, criterion_id, values)
            changes["scores_added"] += 1
        elif all(local[key] == values[key] for key in SCORE_COLUMNS):
            changes["scores_unchanged"] += 1
        elif local["updated_at"] is None or values["updated_at"] > local["updated_at"]:
            sql.save_score(db, criterion_id, values)
            changes["scores_updated"] += 1
        else:
            changes["scores_kept_local"] += 1
        _apply_links(db, criterion_id, record["evidence"], task_ids)


def _document_key(row: dict) -> tuple:
    return tuple(row[key] for key in ("number", "date", "issuer", "abstract", "file_sha256"))


def _apply_links(db, criterion_id: int, links: list[dict], task_ids: dict[int, int]) -> None:
    known = {(_document_key(row), row["location"]) for row in sql.plan_evidence_links_of(db, criterion_id)}
    for link in links:
        key = (_document_key(link), link["location"])
        if key in known:
            continue
        evidence_id = None
        if link["task"] is not None:
            evidence_id = next((row["id"] for row in store.list_evidence(db, task_ids[link["task"]])
                                if _document_key(row) == key[0]), None)
        if evidence_id is not None:
            sql.insert_link(db, {"criterion_id": criterion_id, "evidence_id": evidence_id,
                                 "location": link["location"], "added_at": link["added_at"]})
        else:
            sql.insert_link(db, {"criterion_id": criterion_id, **{k: link[k] for k in LINK_COLUMNS}})
        known.add(key)
