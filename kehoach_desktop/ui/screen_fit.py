"""Every window and dialog fits the screen it opens on, and remembers its size.

One event filter on the application does it for all of them (ours and Qt's own message and file
dialogs): when a top-level window is first shown it gets its remembered size (if any), is shrunk
to the available area of the screen its parent is on (the taskbar left out), and is moved inside
it. On hide its size and its splitters' positions are written to `giao-dien.ini` in the data
folder (an ini file, never the registry).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QSplitter, QWidget

from .lazy_qt import QMessageBox

SETTINGS_FILE = "giao-dien.ini"
# Room for the title bar and borders the window manager adds around a window before it is mapped.
FRAME_WIDTH, FRAME_HEIGHT = 16, 40

_settings: QSettings | None = None


def use_folder(data_dir: str | Path) -> QSettings:
    """Remember sizes in the data folder's `giao-dien.ini` from now on."""
    global _settings
    path = Path(data_dir) / SETTINGS_FILE
    if _settings is None or Path(_settings.fileName()) != path:
        _settings = QSettings(str(path), QSettings.IniFormat)
    return _settings


def settings() -> QSettings | None:
    return _settings


def available_area(widget: QWidget) -> QRect:
    """The usable area of the screen the parent is on (else the widget's own, else the primary)."""
    parent = widget.parentWidget()
    anchor = parent.window() if parent is not None else widget
    screen = anchor.screen() or QApplication.primaryScreen()
    return screen.availableGeometry()


def _key(widget: QWidget) -> str | None:
    """Sizes are remembered for our own windows (and the file dialog), per class."""
    cls = type(widget)
    if cls.__module__.startswith("kehoach_desktop") or cls.__name__ == "QFileDialog":
        return widget.objectName() or cls.__name__
    return None


def fit(widget: QWidget, area: QRect | None = None) -> None:
    """Shrink the window to the area (frame included) and move it inside, centred on its parent."""
    area = area or available_area(widget)
    room_w, room_h = max(area.width() - FRAME_WIDTH, 200), max(area.height() - FRAME_HEIGHT, 200)
    minimum = widget.minimumSize()
    if minimum.width() > room_w or minimum.height() > room_h:
        widget.setMinimumSize(min(minimum.width(), room_w), min(minimum.height(), room_h))
    width, height = min(widget.width(), room_w), min(widget.height(), room_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    parent = widget.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None else area.center()
    # move() places the frame's corner: the frame is FRAME_WIDTH × FRAME_HEIGHT larger than the window.
    right, bottom = area.x() + area.width() - width - FRAME_WIDTH, area.y() + area.height() - height - FRAME_HEIGHT
    x = max(area.x(), min(centre.x() - width // 2, right))
    y = max(area.y(), min(centre.y() - height // 2, bottom))
    widget.move(x, y)


def preferred_size(widget: QWidget, width: int, height: int) -> None:
    """The size a window would like; shrunk to the usable area of the screen it will open on."""
    area = available_area(widget)
    widget.resize(min(width, area.width() - FRAME_WIDTH), min(height, area.height() - FRAME_HEIGHT))


def restore(widget: QWidget, key: str) -> None:
    if _settings is None:
        return
    size = _settings.value(f"{key}/size")
    if size is not None and size.isValid():
        widget.resize(size.expandedTo(widget.minimumSizeHint()))
    for index, splitter in enumerate(_splitters(widget)):
        state = _settings.value(f"{key}/splitter{index}")
        if isinstance(state, QByteArray) and not state.isEmpty():
            splitter.restoreState(state)


def remember(widget: QWidget, key: str) -> None:
    if _settings is None:
        return
    maximized = bool(widget.windowState() & widget.windowState().WindowMaximized)
    _settings.setValue(f"{key}/maximized", maximized)
    if not maximized:
        _settings.setValue(f"{key}/size", widget.size())
    for index, splitter in enumerate(_splitters(widget)):
        _settings.setValue(f"{key}/splitter{index}", splitter.saveState())
    _settings.sync()


def was_maximized(key: str) -> bool:
    return bool(_settings is not None and str(_settings.value(f"{key}/maximized", "false")).lower() == "true")


_WINDOWS = (QDialog, QMainWindow)
_SHOW, _HIDE = QEvent.Type.Show, QEvent.Type.Hide


class ScreenFitter(QObject):
    """The application-wide event filter: fit on first show, remember on hide."""

    def eventFilter(self, obj, event) -> bool:
        if not isinstance(obj, _WINDOWS):  # first: most events go to child widgets, and this is cheap
            return False
        kind = event.type()
        if (kind != _SHOW and kind != _HIDE) or not obj.isWindow():
            return False
        key = _key(obj)
        if kind == QEvent.Show:
            fit_first_show(obj)
        elif kind == QEvent.Hide and key is not None and obj.property("kehoach_fitted"):
            remember(obj, key)
        return False


def fit_first_show(window: QWidget) -> None:
    """What the filter does when a window is first shown: its remembered size, fitted to the screen.
    Called directly for the main window at start, before the filter is installed (issue 16)."""
    if window.property("kehoach_fitted"):
        return
    window.setProperty("kehoach_fitted", True)
    key = _key(window)
    if key is not None:
        restore(window, key)
    if not isinstance(window, QMessageBox):  # it sizes itself in its own show event, within the screen
        fit(window)


def install(app: QApplication) -> ScreenFitter:
    existing = getattr(app, "_screen_fitter", None)
    if existing is None:
        existing = ScreenFitter(app)
        app.installEventFilter(existing)
        app._screen_fitter = existing
    return existing


# --- start-up (issue 17) ---


def _splitters(widget: QWidget) -> list:
    """The window's splitters, as it names them (`splitters`) or else as findChildren finds them:
    that wraps every child object in Python, creating the types of their classes (the main
    window's combo boxes' list views…) before its first paint."""
    named = getattr(widget, "splitters", None)
    return list(named) if named is not None else widget.findChildren(QSplitter)
