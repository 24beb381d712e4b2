"""The progress report (báo cáo kết quả thực hiện kế hoạch): content, PDF and Word, no Qt."""

from .content import ReportContent, ReportTexts
from .periods import PERIOD_KINDS, PERIOD_LABELS, ReportPeriod

__all__ = ["PERIOD_KINDS", "PERIOD_LABELS", "ReportContent", "ReportPeriod", "ReportTexts"]
