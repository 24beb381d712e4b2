"""The "Giới thiệu" (About) dialog: version, where the data lives, what is shipped and its licence."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

# issue 17: what the dialog shows (versions read from the installed packages' metadata) loads when it opens

from .help_menu import HELP_MENU_TITLE, add_about_action, help_menu, open_about  # noqa: F401 (their old home)


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent=None):
        from ..about import FONT_NOTE, PROGRAM_NAME

        super().__init__(parent)
        self.info = info
        self.setWindowTitle("Giới thiệu")
        self.resize(720, 620)
        title = QLabel(f"<b style='font-size:15px'>{escape(PROGRAM_NAME)}</b><br>Phiên bản {escape(info.version)}")
        title.setTextFormat(Qt.RichText)
        self.data_label = QLabel(f"Thư mục dữ liệu: {info.data_dir}")
        self.data_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.data_label.setWordWrap(True)
        open_folder = QPushButton("Mở thư mục dữ liệu")
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(info.data_dir))))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_label, 1)
        folder_row.addWidget(open_folder)

        self.table = QTableWidget(len(info.components), 3)
        self.table.setHorizontalHeaderLabels(["Thành phần", "Phiên bản", "Giấy phép"])
        for row, component in enumerate(info.components):
            for column, text in enumerate((component.name, component.version, component.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.resizeRowsToContents()

        font_note = QLabel(FONT_NOTE)
        font_note.setWordWrap(True)
        self.font_licence = QPlainTextEdit(info.font_licence)
        self.font_licence.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(folder_row)
        layout.addWidget(QLabel("Chương trình dùng các thành phần mã nguồn mở sau:"))
        layout.addWidget(self.table, 3)
        layout.addWidget(font_note)
        layout.addWidget(self.font_licence, 2)
        layout.addWidget(buttons)
