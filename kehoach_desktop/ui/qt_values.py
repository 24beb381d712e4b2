"""Qt's enum values as plain numbers, for what runs before the tasks' first paint (issue 17).

The first use of anything in PySide's `Qt` namespace (Qt.DisplayRole, Qt.AscendingOrder, an
argument or a result of that type) makes the Python classes of all its ~90 enums at once:
20-30 ms, a sixth of a bare PySide window's whole start, which never touches it. The start path
uses these numbers where Qt takes an int (item roles, the flags a QStandardItem
keeps in its data) and names an enum property by its key (`setProperty("toolButtonStyle",
"ToolButtonTextOnly")`). Shortcuts are set with `setShortcuts`: `setShortcut(QKeySequence.Open)`
weighs overloads of Qt's key types. What needs the enums themselves waits for that paint.
tests/test_start_enums.py checks every number against Qt's own; tests/test_scale_startup.py that the namespace waits.
"""

DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
FONT_ROLE = 6
BACKGROUND_ROLE = 8
FOREGROUND_ROLE = 9
USER_ROLE = 0x0100
# QStandardItem::setFlags(flags) is setData(int(flags), Qt::UserRole - 1), and flags() reads it back.
ITEM_FLAGS_ROLE = USER_ROLE - 1

ITEM_IS_SELECTABLE = 0x01
ITEM_IS_ENABLED = 0x20
ITEM_NEVER_HAS_CHILDREN = 0x80
