"""Helpers for the exchange tests: a workspace with real progress and evidence, record dumps
that do not depend on row ids, and builders for hand-made (hostile) zips."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from kehoach_desktop.db import store, transaction
from kehoach_desktop.exchange.seal import PLACEHOLDER, PLACEHOLDER_V2
from kehoach_desktop.model import Evidence, Progress, Role, Status
from kehoach_desktop.workspace import Workspace

from _support import snapshot

FORMULA_TEXTS = ["=1+1", "+84 912 345 678", "-5 điểm do chậm", "@SUM(A1:A9)", "\tbắt đầu bằng tab",
                 "=HYPERLINK(\"http://x.invalid\",\"bấm\")"]


def fill_workspace(ws: Workspace, files_dir: Path) -> dict:
    """Progress on several of the agency's tasks, evidence with files (one shared by two tasks,
    a Vietnamese file name), one without a file, a removed record (a gap in the ids), a report
    text and a role set by hand. Returns what was written."""
    files_dir.mkdir(parents=True, exist_ok=True)
    mine = [row for row in ws.tasks(mine_only=True)]
    scored = [row for row in mine if row.max_score]
    pdf = files_dir / "Báo cáo kết quả tuyên truyền.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 300)
    photo = files_dir / "Ảnh hội nghị.jpg"
    photo.write_bytes(hashlib.sha256(b"seed").digest() * 5000)
    today = dt.date.today()
    first, second, third = mine[0], mine[1], mine[2]
    ws.save_progress(
        Progress(task_id=first.id, status=Status.DONE, percent=100, result="Đã tổ chức 03 hội nghị\nvà 1 tọa đàm",
                 completed_on=today - dt.timedelta(days=3), difficulties="Thiếu kinh phí", proposals="Bổ sung"),
        [(Evidence(task_id=first.id, number="15/BC-UBND", date=today - dt.timedelta(days=2), issuer="UBND xã Hòa An",
                   abstract="Báo cáo kết quả tuyên truyền"), pdf),
         (Evidence(task_id=first.id, number="", abstract="Ảnh tư liệu"), photo)],
    )
    ws.save_progress(Progress(task_id=second.id, status=Status.IN_PROGRESS, percent=40, result=FORMULA_TEXTS[0]),
                     [(Evidence(task_id=second.id, number="7/KH-UBND", abstract="Kế hoạch"), pdf)])
    temporary = ws.add_evidence(third.id, Evidence(task_id=third.id, number="tạm", abstract="sẽ xóa"))
    ws.remove_evidence(temporary.id)  # leaves a gap in the evidence ids
    ws.add_evidence(third.id, Evidence(task_id=third.id, number="22/QĐ-UBND", date=today, issuer="UBND huyện",
                                       abstract="Quyết định (chưa có bản chụp)"))
    if scored:
        task = scored[0]
        ws.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100, result=FORMULA_TEXTS[1],
                                  score=task.max_score / 2))
    _score_a_criterion(ws, first, photo)
    other = next(row for row in ws.tasks() if row.role is None)
    ws.set_role_override(other.id, Role.COOPERATING)
    plan_id = ws.plans()[0]["id"]
    with transaction(ws.db):
        store.save_report(ws.db, {
            "plan_id": plan_id, "period": "h1", "year": 2025, "start_date": "2025-01-01", "end_date": "2025-06-30",
            "number": "45/BC-UBND", "signed_on": "2025-06-20", "addressees": "Sở Nội vụ",
            "recipients": "- Như trên;\n- Lưu: VT.", "direction": "Đã chỉ đạo quyết liệt",
            "shortcomings": "=còn chậm", "next_steps": "Tiếp tục", "proposals": "", "updated_at": "2025-06-20T08:00:00",
        })
    return {"pdf": pdf, "photo": photo, "first": first.id, "second": second.id, "override": other.id}


def portable(db) -> dict[str, list]:
    """Every record of every table with row ids replaced by what identifies the row anywhere."""
    tables = snapshot(db)
    plans = {row["id"]: (row["number"], row["date"]) for row in tables["plan"]}
    indices = {row["id"]: (plans[row["plan_id"]], row["kind"], row["name"]) for row in tables["plan_index"]}
    criteria = {row["id"]: (indices[row["index_id"]], row["code"], row["title"], row["position"])
                for row in tables["criterion"]}
    tasks = {row["id"]: (indices[row["index_id"]], row["position"], row["content"]) for row in tables["task"]}

    def without(row: dict, *keys: str) -> dict:
        return {key: value for key, value in row.items() if key not in keys}

    result = {
        "profile": tables["profile"],
        # which task package a plan applied last is this machine's own record (issue 15)
        "plan": [without(row, "id", "task_package_created_at") for row in tables["plan"]],
        "plan_index": [{**without(row, "id", "plan_id"), "plan": plans[row["plan_id"]]} for row in tables["plan_index"]],
        "criterion": [{**without(row, "id", "index_id", "parent_id"), "index": indices[row["index_id"]],
                       "parent": criteria.get(row["parent_id"])} for row in tables["criterion"]],
        "task": [{**without(row, "id", "plan_id", "index_id", "criterion_id"), "index": indices[row["index_id"]],
                  "criterion": criteria.get(row["criterion_id"])} for row in tables["task"]],
        "progress": [{**without(row, "task_id"), "task": tasks[row["task_id"]]} for row in tables["progress"]],
        "evidence": [{**without(row, "id", "task_id"), "task": tasks[row["task_id"]]} for row in tables["evidence"]],
        "report": [{**without(row, "id", "plan_id"), "plan": plans[row["plan_id"]]} for row in tables["report"]],
        # issue 14: the other criteria a task serves (a task cell merged over several)
        "task_criterion": [{"task": tasks[row["task_id"]], "criterion": criteria[row["criterion_id"]]}
                           for row in tables.get("task_criterion", [])],
    }
    # issue 12: criterion scores and the documents linked to them
    documents = {row["id"]: (tasks[row["task_id"]], row["number"], row["date"], row["abstract"], row["file_sha256"])
                 for row in tables["evidence"]}
    result["criterion_score"] = [{**without(row, "criterion_id"), "criterion": criteria[row["criterion_id"]]}
                                 for row in tables.get("criterion_score", [])]
    result["criterion_evidence"] = [
        {**without(row, "id", "criterion_id", "evidence_id", "added_at"), "criterion": criteria[row["criterion_id"]],
         "evidence": documents.get(row["evidence_id"])} for row in tables.get("criterion_evidence", [])]
    # Local history, not exchanged (issue 13): the progress change log, the issued reports, the calendar.
    local = {"progress_log", "issued_report", "report_obligation"}
    # --- consolidation (issue 11): other agencies' data, by agency name and task
    agencies = {row["id"]: (row["name"], row["code"]) for row in tables.get("roster_agency", [])}
    packages = {row["id"]: row["package_id"] for row in tables.get("received_package", [])}
    result.update({
        "consolidation_role": tables.get("consolidation_role", []),
        "roster_agency": [without(row, "id") for row in tables.get("roster_agency", [])],
        "received_package": [{**without(row, "id", "agency_id"), "agency": agencies[row["agency_id"]]}
                             for row in tables.get("received_package", [])],
        "agency_task": [{**without(row, "id", "agency_id", "task_id", "package_id"), "agency": agencies[row["agency_id"]],
                         "task": tasks[row["task_id"]], "package": packages.get(row["package_id"])}
                        for row in tables.get("agency_task", [])],
        "received_plan": [without(row, "id") for row in tables.get("received_plan", [])],  # issue 11
        "agency_evidence": [{**without(row, "id", "agency_id", "task_id"), "agency": agencies[row["agency_id"]],
                             "task": tasks[row["task_id"]]} for row in tables.get("agency_evidence", [])],
        # issue 12: each agency's proposed criterion scores, by agency and criterion
        "agency_criterion_score": [
            {**without(row, "id", "agency_id", "criterion_id", "package_id"), "agency": agencies[row["agency_id"]],
             "criterion": criteria[row["criterion_id"]], "package": packages.get(row["package_id"])}
            for row in tables.get("agency_criterion_score", [])],
    })
    assert set(tables) <= set(result) | {"sqlite_sequence"} | local, f"a table is not compared: {set(tables) - set(result)}"
    return {name: sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))
            for name, rows in result.items()}


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def seal(path: Path) -> Path:
    """Put the whole-file seal in the comment of a zip that has none, as the program does:
    a crafted package that an attacker seals too must still be refused for its real fault."""
    data = path.read_bytes()
    assert data[-22:-18] == b"PK\x05\x06" and data[-2:] == b"\0\0", "expects a zip without a comment"
    data = data[:-2] + len(PLACEHOLDER).to_bytes(2, "little") + PLACEHOLDER
    path.write_bytes(data[:-64] + hashlib.sha256(data[:-64]).hexdigest().encode())
    return path


def evidence_data_spans(data: bytes) -> list[tuple[int, int]]:
    """Where the stored bytes of each evidence member lie in a package's bytes (from its local headers)."""
    import io

    spans = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.startswith("evidence/"):
                lengths = info.header_offset + 26
                start = info.header_offset + 30 + int.from_bytes(data[lengths:lengths + 2], "little") \
                    + int.from_bytes(data[lengths + 2:lengths + 4], "little")
                spans.append((start, start + info.compress_size))
    return sorted(spans)


def seal_v2(path: Path) -> Path:
    """The format version 2 seal, computed here on its own from its definition (seal.py): the
    SHA-256 of every byte but the evidence members' data and the 64 digits themselves."""
    data = path.read_bytes()
    assert data[-22:-18] == b"PK\x05\x06" and data[-2:] == b"\0\0", "expects a zip without a comment"
    data = data[:-2] + len(PLACEHOLDER_V2).to_bytes(2, "little") + PLACEHOLDER_V2
    return _write_v2_digest(path, data)


def _write_v2_digest(path: Path, data: bytes) -> Path:
    digest, position = hashlib.sha256(), 0
    for start, end in evidence_data_spans(data):
        digest.update(data[position:start])
        position = end
    digest.update(data[position:-64])
    path.write_bytes(data[:-64] + digest.hexdigest().encode())
    return path


def reseal_v2(path: Path) -> Path:
    """A version 2 package's seal made again after its bytes were changed (as a forger would)."""
    return _write_v2_digest(path, path.read_bytes())


SEALERS = {1: seal, 2: seal_v2}
SEAL_VERSION = {"value": 1}  # which seal write_zip puts on the zips it builds (a test may switch it)


def write_zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]], *, compression=zipfile.ZIP_DEFLATED,
              sealed: bool = True) -> Path:
    """A zip with exactly these entries, in this order (duplicates and odd names kept as given)."""
    import warnings

    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is what some tests want
        with zipfile.ZipFile(path, "w", compression=compression) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return SEALERS[SEAL_VERSION['value']](path) if sealed else path


def rebuild_package(source: Path, target: Path, *, change=None, add=(), manifest_change=None,
                    keep_manifest_checksums: bool = False) -> Path:
    """Rewrite a package member by member: `change(name, data) -> data` and `manifest_change(dict)`.

    Checksums in the manifest are recomputed unless keep_manifest_checksums, so that a test
    can reach the check it aims at (or the checksum check itself)."""
    parts = members(source)
    manifest = json.loads(parts.pop("manifest.json"))
    if change:
        parts = {name: change(name, data) for name, data in parts.items()}
    if not keep_manifest_checksums:
        manifest["members"] = [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                               for name, data in parts.items()]
    if manifest_change:
        manifest_change(manifest)
    entries = [("manifest.json", json.dumps(manifest).encode())] + list(parts.items()) + list(add)
    return write_zip(target, entries)


def overlapping_zip(path: Path, names: list[str], unpacked: int = 256 * 1024) -> Path:
    """David Fifield's overlapping-files construction, small: one compressed kernel, and one
    central directory entry per name, all pointing at the same local file header. The kernel
    barely compresses, so no single entry has a suspicious ratio: only the sharing is wrong."""
    data = b"".join(hashlib.sha256(i.to_bytes(4, "little")).digest() for i in range(unpacked // 32))
    unpacked = len(data)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    kernel = compressor.compress(data) + compressor.flush()
    crc = zlib.crc32(data)
    first = names[0].encode()
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 8, 0, 0x21, crc, len(kernel), unpacked,
                        len(first), 0) + first + kernel
    central = b""
    for name in names:
        encoded = name.encode()
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0x800, 8, 0, 0x21, crc, len(kernel), unpacked,
                               len(encoded), 0, 0, 0, 0, 0o100644 << 16, 0) + encoded
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(names), len(names), len(central), len(local), 0)
    path.write_bytes(local + central + end)
    return SEALERS[SEAL_VERSION["value"]](path)


def deflate_entry_zip(path: Path, name: str, unpacked: int, *, declared: int | None = None) -> Path:
    """One deflated entry of `unpacked` zero bytes; `declared` lies about its size when given."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = 0
    chunks = []
    block = b"\0" * (1024 * 1024)
    left = unpacked
    while left:
        piece = block[:min(left, len(block))]
        crc = zlib.crc32(piece, crc)
        chunks.append(compressor.compress(piece))
        left -= len(piece)
    chunks.append(compressor.flush())
    kernel = b"".join(chunks)
    size = unpacked if declared is None else declared
    encoded = name.encode()
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 8, 0, 0x21, crc, len(kernel), size,
                        len(encoded), 0) + encoded + kernel
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0x800, 8, 0, 0x21, crc, len(kernel), size,
                          len(encoded), 0, 0, 0, 0, 0o100644 << 16, 0) + encoded
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local), 0)
    path.write_bytes(local + central + end)
    return SEALERS[SEAL_VERSION["value"]](path)


# --- fixtures: the filled data folder is built once and copied for each test ------------------

@pytest.fixture(scope="session")
def filled_template(tmp_path_factory):
    """A data folder with the sample plan and fill_workspace's data, built once per session."""
    from conftest import COMMUNE, SAMPLE_XLSX

    root = tmp_path_factory.mktemp("filled")
    with Workspace(root / "data") as ws:
        ws.save_profile(COMMUNE)
        ws.import_annex(SAMPLE_XLSX)
        written = fill_workspace(ws, root / "files")
    return root / "data", written


@pytest.fixture
def filled(filled_template, tmp_path):
    """(workspace, written) on a fresh copy of the filled data folder."""
    template, written = filled_template
    shutil.copytree(template, tmp_path / "data")
    ws = Workspace(tmp_path / "data")
    yield ws, written
    ws.close()


def _score_a_criterion(ws: Workspace, task, photo: Path) -> None:
    """issue 12: a criterion score with the task's first evidence and a document added directly
    (written as the program stores them: the profile here is a commune, which scores no PAR INDEX)."""
    from kehoach_desktop.db import assessment as scores

    criterion_id = ws.task(task.id).extra["criterion_id"]
    [first_evidence, *_] = ws.evidence_list(task.id)
    stored = ws.evidence.add(photo)
    with transaction(ws.db):
        scores.save_score(ws.db, criterion_id, {"score": 0.5, "not_applicable": 0, "not_applicable_reason": "",
                                                "explanation": "Còn thiếu 01 văn bản", "note": "",
                                                "updated_at": "2025-06-01T08:00:00"})
        scores.insert_link(ws.db, {"criterion_id": criterion_id, "evidence_id": first_evidence.id,
                                   "location": "mục 2, trang 3", "added_at": "2025-06-01T08:00:00"})
        scores.insert_link(ws.db, {"criterion_id": criterion_id, "number": "", "abstract": "Ảnh hội nghị",
                                   "file_sha256": stored.sha256, "file_name": stored.name, "file_size": stored.size,
                                   "location": "ảnh số 2", "added_at": "2025-06-01T08:00:00"})


# --- format 1 packages (issue 11: the plan inside data.json, no plan.json) ---

def as_format_1(source: Path, target: Path) -> Path:
    """The package as the program wrote it before format 2: plan.json joined back into data.json
    (the form format 1 had), no plan.json member, format_version 1, the evidence stored as it is,
    sealed whole (the version 1 seal, whatever seal the test's crafted zips get)."""
    from kehoach_desktop.exchange.content import join_plan

    parts = members(source)
    manifest = json.loads(parts.pop("manifest.json"))
    plan = json.loads(parts.pop("plan.json"))
    parts["data.json"] = json.dumps(join_plan(plan, with_progress_records(json.loads(parts["data.json"]))),
                                    ensure_ascii=False, separators=(",", ":")).encode()
    manifest["format_version"] = 1
    manifest["members"] = [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                           for name, data in parts.items()]

    def entry(name: str):
        if not name.startswith("evidence/"):
            return name
        info = zipfile.ZipInfo(name, date_time=(2025, 6, 30, 10, 0, 0))
        info.compress_type = zipfile.ZIP_STORED  # as the program stores already compressed evidence
        return info

    entries = [("manifest.json", json.dumps(manifest, ensure_ascii=False).encode())]
    entries += [(entry(name), data) for name, data in parts.items()]
    return seal(write_zip(target, entries, sealed=False))

# --- format 2 packages (issue 11: the progress as records in data.json, before format 3's columns) ---

def with_progress_records(data: dict) -> dict:
    """data.json of format 3 with its progress columns as the records formats 1 and 2 wrote."""
    from kehoach_desktop.exchange.content import progress_records

    return {**data, "progress": progress_records(data["progress"])}


def edit_progress(data: dict, change) -> dict:
    """data.json of format 3 with `change(records)` applied to its progress as records, written back as columns."""
    from kehoach_desktop.exchange.content import progress_columns

    records = with_progress_records(data)["progress"]
    change(records)
    return {**data, "progress": progress_columns(records)}


def as_format_2(source: Path, target: Path) -> Path:
    """The package as format 2 wrote it: data.json's progress as records, format_version 2."""
    def change(name: str, raw: bytes) -> bytes:
        if name != "data.json":
            return raw
        return json.dumps(with_progress_records(json.loads(raw)), ensure_ascii=False, separators=(",", ":")).encode()

    return rebuild_package(source, target, change=change, manifest_change=lambda m: m.update(format_version=2))
