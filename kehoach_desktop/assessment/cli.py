"""`kehoach scores`, `kehoach score CODE …` and `kehoach report --kind self-assessment` (issue 12)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InvalidInputError
from ..model import Evidence, IndexKind
from ..text import format_decimal, parse_date
from . import service
from ..console import print_json as _print_json

KINDS = ("progress", "self-assessment")


def add_parsers(sub, common) -> None:
    scores = sub.add_parser("scores", parents=[common], help="xem bảng tự đánh giá, chấm điểm theo tiêu chí")
    scores.add_argument("--index", help="chỉ số: PAR INDEX, SIPAS, PAPI (mặc định: tất cả)")
    scores.add_argument("--plan", type=int, help="mã kế hoạch (mặc định: kế hoạch nhập gần nhất)")
    scores.add_argument("--json", action="store_true")

    score = sub.add_parser("score", parents=[common], help="tự chấm điểm một tiêu chí, kèm tài liệu kiểm chứng")
    score.add_argument("code", help="mã tiêu chí như phụ lục ghi, ví dụ 1.3.2")
    score.add_argument("--index", default=IndexKind.PAR_INDEX.value, help="chỉ số (mặc định: PAR INDEX)")
    score.add_argument("--criterion-id", type=int, help="số tiêu chí khi một mã có ở nhiều chỗ")
    score.add_argument("--plan", type=int, help="mã kế hoạch (mặc định: kế hoạch nhập gần nhất)")
    score.add_argument("--score", help="điểm tự chấm, ví dụ 0,75")
    score.add_argument("--explanation", help="giải trình (bắt buộc khi điểm thấp hơn điểm tối đa)")
    score.add_argument("--not-applicable", metavar="LÝ_DO", help="tiêu chí không áp dụng với đơn vị, kèm lý do")
    score.add_argument("--evidence", type=int, action="append", default=[], metavar="ID",
                       help="số tài liệu kiểm chứng đã ghi ở nhiệm vụ (có thể lặp)")
    score.add_argument("--location", action="append", default=[],
                       help="vị trí chứng minh trong tài liệu, ví dụ “mục 2, trang 3” (mỗi tài liệu một lần)")
    score.add_argument("--document", help="tệp tài liệu kiểm chứng thêm trực tiếp cho tiêu chí")
    score.add_argument("--document-number")
    score.add_argument("--document-date")
    score.add_argument("--document-issuer")
    score.add_argument("--document-abstract")
    score.add_argument("--unlink", type=int, action="append", default=[], metavar="ID",
                       help="bỏ liên kết một tài liệu khỏi tiêu chí (số liên kết trong `scores --json`)")
    score.add_argument("--json", action="store_true")

    report = sub.choices.get("report")
    if report is not None:  # the report command gains --kind; --period is needed for the progress report only
        report.add_argument("--kind", choices=KINDS, default="progress",
                            help="progress: báo cáo kết quả; self-assessment: bảng tự đánh giá, chấm điểm")
        for action in report._actions:
            if action.dest == "period":
                action.required = False




def cmd_scores(workspace, args) -> int:
    result = service.load(workspace, index_kind=service.parse_index_kind(args.index), plan_id=args.plan)
    if args.json:
        _print_json(result.to_json())
        return 0
    for item in result.criteria:
        mark = format_decimal(item.self_score, item.precision) if item.self_score is not None else (
            "không áp dụng" if item.not_applicable else ("—" if item.scorable else "không tự chấm"))
        print(f"{item.index_kind:<10} {item.code:<8} {format_decimal(item.max_score, item.precision):>6} "
              f"{mark:>14}  {item.title[:60]}")
    total = result.total
    print(f"Tổng số: tối đa {format_decimal(total.max, 4)}, tự chấm {format_decimal(total.self, 4) or '—'}, "
          f"năm trước {format_decimal(total.prior, 4) or '—'}, mục tiêu {format_decimal(total.target, 4) or '—'}.")
    return 0


def cmd_score(workspace, args) -> int:
    kind = service.parse_index_kind(args.index)
    assessment = service.load(workspace, index_kind=kind, plan_id=args.plan)
    item = service.find_criterion(assessment, args.code, criterion_id=args.criterion_id)
    links = _links(args)
    score = args.score
    if score is None and args.not_applicable is None:
        if item.self_score is None:
            raise InvalidInputError(f"Cần --score (điểm tự chấm của tiêu chí {item.code}) hoặc --not-applicable LÝ_DO.")
        score = item.self_score
    saved = service.save_score(
        workspace, item.id, score=score, explanation=args.explanation,
        not_applicable=args.not_applicable is not None, not_applicable_reason=args.not_applicable or "",
        links=links, unlink=args.unlink, plan_id=assessment.plan["id"],
    )
    if args.json:
        _print_json(saved.to_json())
        return 0
    shown = "không áp dụng" if saved.not_applicable else format_decimal(saved.self_score, saved.precision)
    print(f"Đã lưu tiêu chí {saved.code}: điểm tự chấm {shown}/{format_decimal(saved.max_score, saved.precision)}; "
          f"{len(saved.evidence)} tài liệu kiểm chứng.")
    return 0


def _links(args) -> list[service.DocumentLink]:
    has_document = bool(args.document or args.document_number or args.document_abstract)
    wanted = len(args.evidence) + int(has_document)
    if len(args.location) != wanted:
        raise InvalidInputError(f"Cần đúng {wanted} lần --location (một vị trí cho mỗi tài liệu kiểm chứng), "
                                f"đã có {len(args.location)}.")
    links = [service.DocumentLink(location=loc, evidence_id=ev) for ev, loc in zip(args.evidence, args.location)]
    if has_document:
        links.append(service.DocumentLink(
            location=args.location[-1], file=Path(args.document) if args.document else None,
            document=Evidence(task_id=0, number=args.document_number or "", issuer=args.document_issuer or "",
                              abstract=args.document_abstract or "",
                              date=parse_date(args.document_date, field="Ngày văn bản") if args.document_date else None),
        ))
    return links


def routing_report(progress_report):
    """`kehoach report`: the score sheet with --kind self-assessment, else the progress report."""

    def command(workspace, args) -> int:
        if getattr(args, "kind", "progress") == "self-assessment":
            return cmd_sheet(workspace, args)
        if args.period is None:
            raise InvalidInputError("Báo cáo kết quả cần --period (q1, h1, q3, year, custom).")
        return progress_report(workspace, args)

    return command


def cmd_sheet(workspace, args) -> int:
    from . import sheet

    path = sheet.write_sheet(workspace, Path(args.out), plan_id=args.plan)
    size_kb = max(path.stat().st_size // 1024, 1)
    print(f"Đã lập bảng tự đánh giá, chấm điểm: {path} ({size_kb} KB).")
    return 0


COMMANDS = {"scores": cmd_scores, "score": cmd_score}
