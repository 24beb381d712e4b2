"""The "Trợ giúp" menu and its "Giới thiệu…" action: built with the window, while the About
dialog (ui/about_dialog.py, with what it shows) loads when the user opens it (issue 17)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from .start_order import text_action

HELP_MENU_TITLE = "&Trợ giúp"


def add_about_action(window) -> QAction:
    """Menu "Trợ giúp" → "Giới thiệu…" (the menu is shared with whatever else lives in it)."""
    action = text_action("Giới thiệu…", window)
    action.triggered.connect(lambda: open_about(window))
    help_menu(window).addAction(action)
    return action


def open_about(window) -> None:
    from ..about import about
    from .about_dialog import AboutDialog

    AboutDialog(about(window.workspace.data_dir), window).exec()


def help_menu(window):
    """The one "Trợ giúp" menu, always the last of the menu bar (menus added later go before it)."""
    bar = window.menuBar()
    menu = next((m.menu() for m in bar.actions() if m.text() == HELP_MENU_TITLE and m.menu()), None)
    if menu is None:
        menu = bar.addMenu(HELP_MENU_TITLE)
    bar.removeAction(menu.menuAction())
    bar.addAction(menu.menuAction())
    return menu
