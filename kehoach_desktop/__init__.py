"""kehoach_desktop — theo dõi và báo cáo thực hiện kế hoạch cải thiện chỉ số PAR INDEX, SIPAS, PAPI.

The package root holds the domain and the services; it never imports Qt.
The window lives in :mod:`kehoach_desktop.ui`, storage in :mod:`kehoach_desktop.db`.
"""

__version__ = "0.1.0"


# --- start-up (issue 17) ---

def _early_pyside_feature_check() -> None:
    """PySide6 loaded before this package (a script, a test, a benchmark): the cheaper check of
    `ui/__init__` goes in now, before the modules imported ahead of the window's are each read
    by PySide's own. Nothing is loaded that was not already: shiboken6 is there."""
    import sys

    if "shiboken6" in sys.modules:
        from . import ui  # noqa: F401  (installs the cheaper check)


_early_pyside_feature_check()
