"""Qt classes the window only needs when the user acts: message boxes, file dialogs… (issue 17).

PySide makes the Python type of a Qt class, with its enums, at the first `from PySide6.QtWidgets
import X`: 0.5–1.5 ms each for the dialogs' classes, none of which shows before the tasks' first
paint. `from .lazy_qt import QMessageBox` gives a stand-in that becomes the class at its first
use: calls, attributes (QMessageBox.Yes, .warning), isinstance, and a test's monkeypatch on it
(which reaches the real class). Not for subclassing, nor for Qt calls that take a type
(findChildren): import those classes as usual.

`Qt` is the enum namespace (ui/qt_values says why it waits): for modules on the start path whose
uses of it all come after the tasks' first paint (dialogs, actions, the detail pane).
"""

from __future__ import annotations

import importlib


class _LazyClass:
    def __init__(self, module: str, name: str):
        object.__setattr__(self, "_where", (module, name))

    def _real(self):
        module, name = object.__getattribute__(self, "_where")
        return getattr(importlib.import_module(module), name)

    def __call__(self, *args, **kwargs):
        return self._real()(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._real(), name)

    def __setattr__(self, name, value):
        setattr(self._real(), name, value)

    def __delattr__(self, name):
        delattr(self._real(), name)

    def __instancecheck__(self, instance) -> bool:
        module, name = object.__getattribute__(self, "_where")
        if name not in vars(importlib.import_module(module)):  # no Python type yet: nothing is one
            return False
        return isinstance(instance, self._real())

    def __subclasscheck__(self, cls) -> bool:
        return issubclass(cls, self._real())

    def __repr__(self) -> str:
        return "<lazy %s.%s>" % object.__getattribute__(self, "_where")


Qt = _LazyClass("PySide6.QtCore", "Qt")
QMessageBox = _LazyClass("PySide6.QtWidgets", "QMessageBox")
QFileDialog = _LazyClass("PySide6.QtWidgets", "QFileDialog")
QInputDialog = _LazyClass("PySide6.QtWidgets", "QInputDialog")
QDialogButtonBox = _LazyClass("PySide6.QtWidgets", "QDialogButtonBox")
QFormLayout = _LazyClass("PySide6.QtWidgets", "QFormLayout")
QListWidget = _LazyClass("PySide6.QtWidgets", "QListWidget")
QListWidgetItem = _LazyClass("PySide6.QtWidgets", "QListWidgetItem")
