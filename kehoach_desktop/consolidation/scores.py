"""Each lead department's proposed criterion scores (issue 12): a progress package carries its
agency's `criterion_scores`; receiving stores them per (agency, criterion) beside — never in —
the consolidator's own score, so the self-assessment shows every proposal next to the
province's score. Packages without the list (older programs) bring none."""

from __future__ import annotations

from collections import defaultdict

from ..db import consolidation_store as cstore
from ..db import store
from ..importing import criterion_key
from ..text import nfc


def criterion_refs(db, data: dict) -> dict[int, int]:
    """The package's criterion refs → local criterion ids: same plan, same annex, same code
    (or title when it has no code), in order."""
    plans = {(plan["number"], plan["date"]): plan["id"] for plan in store.list_plans(db)}
    found: dict[int, int] = {}
    for plan in data["plans"]:
        plan_id = plans.get((nfc(plan["number"]), plan["date"]))
        if plan_id is None:
            continue
        indices = {(row["kind"], row["name"]): row["id"] for row in store.list_indices(db, plan_id)}
        for index in plan["indices"]:
            index_id = indices.get((nfc(index["kind"]), nfc(index["name"])))
            if index_id is None:
                continue
            local: dict[str, list[int]] = defaultdict(list)
            for row in store.list_criteria(db, index_id):
                local[criterion_key(row)].append(row["id"])
            for criterion in index["criteria"]:
                ids = local.get(criterion_key({"code": nfc(criterion["code"]), "title": nfc(criterion["title"])}))
                if ids:
                    found[criterion["ref"]] = ids.pop(0)
    return found


def store_proposals(db, data: dict, agency_id: int, package_row: int, created: str,
                    in_scope: set[int]) -> int:
    """Store the package's scores of the criteria in scope (a criterion with a task of the
    consolidator's scope); a stored proposal from a later package is kept. Returns how many."""
    records = data.get("criterion_scores") or []
    if not records:
        return 0
    refs = criterion_refs(db, data)
    existing = cstore.agency_scores(db, agency_id)
    stored = 0
    for record in records:
        criterion_id = refs.get(record["criterion"])
        if criterion_id is None or record["criterion"] not in in_scope:
            continue
        old = existing.get(criterion_id)
        if old is not None and old["package_created_at"] > created:
            continue
        cstore.save_agency_score(db, {
            "agency_id": agency_id, "criterion_id": criterion_id, "score": record["score"],
            "not_applicable": int(bool(record["not_applicable"])),
            "not_applicable_reason": nfc(record["not_applicable_reason"]), "explanation": nfc(record["explanation"]),
            "updated_at": record["updated_at"], "package_created_at": created, "package_id": package_row,
        })
        stored += 1
    return stored


def proposals_by_criterion(db) -> dict[int, list[dict]]:
    """criterion_id → [{"agency", "code", "score", "not_applicable", "explanation"}], roster order."""
    found: dict[int, list[dict]] = defaultdict(list)
    for row in cstore.score_proposals(db):
        found[row["criterion_id"]].append({
            "agency": row["agency_name"], "agency_code": row["agency_code"], "score": row["score"],
            "not_applicable": bool(row["not_applicable"]), "explanation": row["explanation"],
        })
    return dict(found)
