"""Vietnamese text for the standard buttons and dialogs Qt draws itself.

Qt ships no Vietnamese translation, so message boxes said "Yes"/"No" and file dialogs "Cancel".
One translator, installed on the application, answers for every QMessageBox, QDialogButtonBox,
Qt-drawn QFileDialog and the print dialog's own buttons; nothing else needs to set button texts.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

# Source texts as Qt 6 writes them (context "QPlatformTheme" for standard buttons).
BUTTONS = {
    "OK": "Đồng ý", "&OK": "Đồng ý", "Save": "Lưu", "&Save": "&Lưu", "Save All": "Lưu tất cả",
    "Open": "Mở", "&Open": "&Mở", "&Yes": "&Có", "Yes": "Có", "Yes to &All": "Có với &tất cả",
    "&No": "&Không", "No": "Không", "N&o to All": "Không với tấ&t cả", "Abort": "Dừng", "Retry": "Thử lại",
    "Ignore": "Bỏ qua", "Close": "Đóng", "&Close": "Đón&g", "Cancel": "Hủy", "&Cancel": "&Hủy",
    "Discard": "Không lưu", "Don't Save": "Không lưu", "Close without Saving": "Đóng, không lưu",
    "Help": "Trợ giúp", "Apply": "Áp dụng", "Reset": "Đặt lại", "Restore Defaults": "Khôi phục mặc định",
    "Show Details...": "Xem chi tiết…", "Hide Details...": "Ẩn chi tiết…",
}
FILE_DIALOG = {
    "Look in:": "Tìm trong:", "File &name:": "Tên &tệp:", "Files of type:": "Loại tệp:",
    "&Open": "&Mở", "&Save": "&Lưu", "&Choose": "&Chọn", "Cancel": "Hủy", "Back": "Quay lại",
    "Forward": "Tiến", "Parent Directory": "Thư mục cha", "Create New Folder": "Tạo thư mục mới",
    "New Folder": "Thư mục mới", "List View": "Dạng danh sách", "Detail View": "Dạng chi tiết",
    "Directory:": "Thư mục:", "Name": "Tên", "Size": "Kích thước", "Type": "Loại",
    "Date Modified": "Ngày sửa", "My Computer": "Máy tính", "Computer": "Máy tính",
    "All Files (*)": "Mọi tệp (*)", "Directories": "Thư mục", "Find Directory": "Chọn thư mục",
    "Open": "Mở", "Save As": "Lưu thành", "&Delete": "&Xóa", "&Rename": "Đổi &tên",
    "Show &hidden files": "Hiện tệp ẩ&n", "&New Folder": "Thư mục &mới",
}
PRINT_DIALOG = {
    "Print": "In", "&Print": "&In", "Printer": "Máy in", "&Name:": "&Tên:", "P&roperties": "Th&uộc tính",
    "Copies": "Số bản", "Copies:": "Số bản:", "Print range": "Phạm vi in", "Print all": "In tất cả",
    "Pages from": "Từ trang", "to": "đến", "Options": "Tùy chọn", "&Options >>": "&Tùy chọn >>",
    "&Options <<": "&Tùy chọn <<", "Collate": "Xếp theo bộ", "Reverse": "In ngược", "Local file": "Tệp trên máy",
    "Print to File (PDF)": "In ra tệp (PDF)", "Output &file:": "Tệp &ra:", "Page Setup": "Thiết lập trang",
    "Location:": "Vị trí:", "Type:": "Loại:", "Page &Set:": "&Trang in:", "Preview": "Xem trước",
    "Color Mode": "Chế độ màu", "Color": "Màu", "Grayscale": "Đen trắng", "Double Sided Printing": "In hai mặt",
    "Output Settings": "Thiết lập in", "None": "Không", "Long side": "Lật theo cạnh dài",
    "Short side": "Lật theo cạnh ngắn", "All Pages": "Mọi trang", "Odd Pages": "Trang lẻ", "Even Pages": "Trang chẵn",
    "Pages": "Các trang", "Ignore": "Bỏ qua", "Off": "Không", "Long side binding": "Đóng theo cạnh dài",
    "Short side binding": "Đóng theo cạnh ngắn",
    "Orientation": "Hướng giấy", "Portrait": "Dọc", "Landscape": "Ngang", "Paper": "Giấy",
    "Page size:": "Khổ giấy:", "Margins": "Lề", "Current Page": "Trang hiện tại", "Selection": "Vùng chọn",
}
# The right-click menu of every text box and number box (issue 16: it spoke English).
EDIT_MENU = {
    "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Sao chép", "&Paste": "&Dán",
    "Delete": "Xóa", "Select All": "Chọn tất cả", "&Select All": "Chọn &tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết", "&Step up": "&Tăng", "Step &down": "&Giảm",
}
CONTEXTS = {
    "QPlatformTheme": BUTTONS, "QMessageBox": BUTTONS, "QDialogButtonBox": BUTTONS,
    "QFileDialog": FILE_DIALOG, "QFileSystemModel": FILE_DIALOG, "QPrintDialog": PRINT_DIALOG,
    "QAbstractPrintDialog": PRINT_DIALOG, "QPrintPropertiesDialog": PRINT_DIALOG, "QPageSetupWidget": PRINT_DIALOG,
    "QPrintPreviewDialog": PRINT_DIALOG, "QUnixPrintWidget": PRINT_DIALOG, "QPrintSettingsOutput": PRINT_DIALOG,
    "QPrintWidget": PRINT_DIALOG,
    "QLineEdit": EDIT_MENU, "QWidgetTextControl": EDIT_MENU, "QAbstractSpinBox": EDIT_MENU,
}


class VietnameseTranslator(QTranslator):
    """Answers Qt's own strings from the tables above; everything else stays as written."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 (Qt override)
        table = CONTEXTS.get(context)
        return table.get(source) if table else None  # None: no translation (an empty text would be one)

    def isEmpty(self) -> bool:
        return False


def install(app) -> VietnameseTranslator:
    """Install once; the translator is kept on the application so it lives as long as it."""
    existing = getattr(app, "_vietnamese_translator", None)
    if existing is not None:
        return existing
    translator = VietnameseTranslator(app)
    app.installTranslator(translator)
    app._vietnamese_translator = translator
    return translator
