"""The task tree: index → area → criterion → task, as a Qt item model over the service's rows.

The tree is built once from plain TaskRow values (`build_tree`, no Qt objects: it may run on
a worker thread) and shown through `TaskTreeModel`, a QAbstractItemModel that only answers
the view's questions. Filters and search live in `TaskFilterProxy`: the accepted tasks are
worked out in one pass over precomputed, diacritic-folded keys and the proxy's recursive
filtering shows their groups. A save replaces one row in place (dataChanged); nothing is
rebuilt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QCollator, QLocale, QModelIndex, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics

from ..model import Status, TaskRow
from ..task_filter import ALL, MINE_ANY, TaskFilter, search_text
from ..text import fold, format_date
from ..workspace import is_due_soon, is_overdue

TASK_ID_ROLE = Qt.UserRole.value + 1
SORT_ROLE = Qt.UserRole.value + 2

COLUMNS = ["Mã", "Nhiệm vụ", "Vai trò", "Thời hạn", "Tình trạng"]
COL_CODE, COL_TASK, COL_ROLE, COL_DEADLINE, COL_STATUS = range(len(COLUMNS))

OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#a61b1b")
DUE_SOON_BG = QColor("#fff1cc")
DONE_FG = QColor("#1f7a3a")
GROUP_BG = QColor("#eef3f8")

STATUS_LABELS = {
    Status.NOT_STARTED: "Chưa thực hiện",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.DONE: "Hoàn thành",
    Status.NOT_FEASIBLE: "Không thực hiện được",
}

_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable

# How a row looks: a group (bold or not), or a task that is plain, overdue or due soon.
GROUP_BOLD, GROUP_PLAIN, TASK_PLAIN, TASK_OVERDUE, TASK_DUE_SOON = range(5)


def vietnamese_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    collator.setNumericMode(True)  # "1.10" after "1.9"
    collator.setCaseSensitivity(Qt.CaseInsensitive)
    return collator


def deadline_label(row: TaskRow) -> str:
    """The deadline as written, with the date it was read as when the text is not a date."""
    if row.due_date and row.due_date.strftime("%d/%m/%Y") not in row.deadline_text:
        return f"{row.deadline_text} ({format_date(row.due_date)})"
    return row.deadline_text


def short_deadline(row: TaskRow) -> str:
    """For the narrow list column: the due date when there is one, else the text."""
    if row.due_date:
        return format_date(row.due_date)
    return " ".join(row.deadline_text.split())


# --- the tree as plain values (no Qt: built off the GUI thread) ------------------------------

@dataclass(eq=False)
class Node:
    id: int  # its place in TreeData.nodes: the model index's internal id
    parent: "Node | None"
    row: int  # its place among its parent's children
    style: int
    texts: tuple[str, ...]
    tooltips: tuple[str, ...] = ()
    sort_keys: tuple[str, ...] = ()
    task: TaskRow | None = None
    key: str = ""  # the task's folded search text
    position: int = -1  # the task's place in TreeData.rows
    children: list["Node"] = field(default_factory=list)


@dataclass
class TreeData:
    rows: list[TaskRow]  # every task, in annex order
    roots: list[Node]
    nodes: list[Node]
    by_task: dict[int, Node]
    today: dt.date


def task_texts(row: TaskRow, today: dt.date) -> tuple[int, tuple, tuple, tuple]:
    """A task row's style, cell texts, tooltips and sort keys."""
    role = row.role.label if row.role else ""
    if row.role and row.conditional:
        role += " *"
    status = STATUS_LABELS[row.status]
    if row.status == Status.IN_PROGRESS and row.percent:
        status += f" ({row.percent}%)"
    overdue, soon = is_overdue(row, today), is_due_soon(row, today)
    deadline = short_deadline(row)
    if overdue:
        deadline += " · quá hạn"
    elif soon:
        deadline += " · sắp đến hạn"
    texts = ("", " ".join(row.content.split()), role, deadline, status)
    tooltips = ("", row.content, row.role_reason, deadline_label(row), status)
    sort_keys = list(texts)
    if row.due_date:
        sort_keys[COL_DEADLINE] = row.due_date.isoformat()
    style = TASK_OVERDUE if overdue else TASK_DUE_SOON if soon else TASK_PLAIN
    return style, texts, tuple(tip or text for tip, text in zip(tooltips, texts)), tuple(sort_keys)


def build_tree(rows: list[TaskRow], today: dt.date | None = None) -> TreeData:
    """Group the rows by index, area and criterion, as the annex does."""
    today = today or dt.date.today()
    tree = TreeData(rows=rows, roots=[], nodes=[], by_task={}, today=today)
    groups: dict[tuple, Node] = {}

    def add(parent: Node | None, style: int, texts: tuple, **extra) -> Node:
        siblings = parent.children if parent else tree.roots
        node = Node(len(tree.nodes), parent, len(siblings), style, texts, **extra)
        siblings.append(node)
        tree.nodes.append(node)
        return node

    for position, row in enumerate(rows):
        index_key = (row.plan_id, row.index_name)
        parent = groups.get(index_key)
        if parent is None:  # the index's name says which index it is; the code column stays empty
            parent = groups[index_key] = add(None, GROUP_BOLD, ("", row.index_name or row.index_kind, "", "", ""))
        if row.area_title and (row.area_code, row.area_title) != (row.code, row.criterion):
            area_key = (*index_key, row.area_code, row.area_title)
            if area_key not in groups:
                groups[area_key] = add(parent, GROUP_BOLD, (row.area_code, row.area_title, "", "", ""))
            parent = groups[area_key]
        if row.criterion:
            crit_key = (*index_key, row.code, row.criterion)
            if crit_key not in groups:
                groups[crit_key] = add(parent, GROUP_PLAIN, (row.code, row.criterion, "", "", ""))
            parent = groups[crit_key]
        style, texts, tooltips, sort_keys = task_texts(row, today)
        tree.by_task[row.id] = add(parent, style, texts, tooltips=tooltips, sort_keys=sort_keys, task=row,
                                   key=search_text(row), position=position)
    return tree


def empty_tree() -> TreeData:
    return TreeData(rows=[], roots=[], nodes=[], by_task={}, today=dt.date.today())


# --- the Qt model -----------------------------------------------------------------------------

class _Look:
    """Brushes and fonts, made once (after the application exists)."""

    def __init__(self):
        self.group_bg = QBrush(GROUP_BG)
        self.overdue_bg, self.overdue_fg = QBrush(OVERDUE_BG), QBrush(OVERDUE_FG)
        self.due_soon_bg, self.done_fg = QBrush(DUE_SOON_BG), QBrush(DONE_FG)
        self.bold = QFont()
        self.bold.setBold(True)
        self.plain = QFont()
        self.struck = QFont()
        self.struck.setStrikeOut(True)
        # Every row two lines high: the view then lays out 20,000 rows without measuring each
        # text (uniformRowHeights); a longer task is elided, its tooltip and the pane show all.
        self.row_size = QSize(0, QFontMetrics(self.plain).lineSpacing() * 2 + 6)


class TaskTreeModel(QAbstractItemModel):
    """Answers the view from a TreeData; `set_tree` swaps it, `update_task` changes one row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._tree = empty_tree()
        self._look = _Look()
        self._roles = {
            Qt.DisplayRole.value: self._display, TASK_ID_ROLE: self._task_id, Qt.ToolTipRole.value: self._tooltip,
            SORT_ROLE: self._sort_key, Qt.FontRole.value: self._font, Qt.BackgroundRole.value: self._background_of,
            Qt.ForegroundRole.value: self._foreground, Qt.SizeHintRole.value: self._size_hint,
        }

    # --- what the window calls

    @property
    def rows(self) -> list[TaskRow]:
        return self._tree.rows

    @property
    def today(self) -> dt.date:
        return self._tree.today

    def set_tree(self, tree: TreeData) -> None:
        self.beginResetModel()
        self._tree = tree
        self.endResetModel()

    def populate(self, rows: list[TaskRow], today: dt.date | None = None) -> None:
        self.set_tree(build_tree(rows, today))

    def task_nodes(self) -> list[Node]:
        return list(self._tree.by_task.values())

    def task(self, task_id: int) -> TaskRow | None:
        node = self._tree.by_task.get(task_id)
        return node.task if node else None

    def update_task(self, row: TaskRow) -> TaskRow | None:
        """Show a task's new values in place; returns the row it replaces (None if not shown).

        A task whose index, area or criterion changed needs a full reload: the caller's concern.
        """
        node = self._tree.by_task.get(row.id)
        if node is None:
            return None
        old = node.task
        node.style, node.texts, node.tooltips, node.sort_keys = task_texts(row, self._tree.today)
        node.task, node.key = row, search_text(row)
        self._tree.rows[node.position] = row
        self.dataChanged.emit(self.createIndex(node.row, 0, node.id),
                              self.createIndex(node.row, len(COLUMNS) - 1, node.id))
        return old

    def group_changed(self, node: Node) -> None:
        self.dataChanged.emit(self.createIndex(node.row, 0, node.id),
                              self.createIndex(node.row, len(COLUMNS) - 1, node.id))

    def index_of_task(self, task_id: int) -> QModelIndex | None:
        node = self._tree.by_task.get(task_id)
        return self.createIndex(node.row, 0, node.id) if node else None

    def node(self, index: QModelIndex) -> Node | None:
        return self._tree.nodes[index.internalId()] if index.isValid() else None

    def child_node(self, row: int, parent: QModelIndex) -> Node:
        siblings = self._tree.nodes[parent.internalId()].children if parent.isValid() else self._tree.roots
        return siblings[row]

    def task_ids(self) -> list[int]:
        """Every task of the tree, in tree order."""
        return list(self._tree.by_task)

    # --- QAbstractItemModel

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        siblings = self._tree.nodes[parent.internalId()].children if parent.isValid() else self._tree.roots
        if 0 <= row < len(siblings) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, siblings[row].id)
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: D401 - Qt API
        if not index.isValid():
            return QModelIndex()
        up = self._tree.nodes[index.internalId()].parent
        return QModelIndex() if up is None else self.createIndex(up.row, 0, up.id)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._tree.roots)
        if parent.column() > 0:
            return 0
        return len(self._tree.nodes[parent.internalId()].children)

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: QModelIndex):
        return _FLAGS if index.isValid() else Qt.NoItemFlags

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        # The view asks for many roles of every cell it lays out: plain ints and one dict
        # lookup, because comparing with PySide's enum members costs microseconds each.
        answer = self._roles.get(role if type(role) is int else role.value)
        if answer is None or not index.isValid():
            return None
        return answer(self._tree.nodes[index.internalId()], index.column())

    def _display(self, node: Node, column: int):
        return node.texts[column]

    def _task_id(self, node: Node, column: int):
        return node.task.id if node.task else None

    def _tooltip(self, node: Node, column: int):
        return node.tooltips[column] if node.tooltips else (node.texts[column] or None)

    def _sort_key(self, node: Node, column: int):
        return node.sort_keys[column] if node.sort_keys else node.texts[column]

    def _font(self, node: Node, column: int):
        if node.task is None:
            return self._look.bold if node.style == GROUP_BOLD else self._look.plain
        return self._look.struck if node.task.removed else None

    def _size_hint(self, node: Node, column: int):
        return self._look.row_size

    def _background_of(self, node: Node, column: int):
        return self._background(node.style)

    def _background(self, style: int):
        look = self._look
        return {GROUP_BOLD: look.group_bg, GROUP_PLAIN: look.group_bg, TASK_OVERDUE: look.overdue_bg,
                TASK_DUE_SOON: look.due_soon_bg}.get(style)

    def _foreground(self, node: Node, column: int):
        if node.style == TASK_OVERDUE and column in (COL_DEADLINE, COL_STATUS):
            return self._look.overdue_fg
        if node.task is not None and node.task.status == Status.DONE and column == COL_STATUS:
            return self._look.done_fg
        return None


# --- filters and sorting ------------------------------------------------------------------------

def accepts(task_filter: TaskFilter, words: list[str], node: Node, today: dt.date) -> bool:
    """TaskFilter.accepts on a node whose folded search text is already known."""
    row = node.task
    if row.removed and not task_filter.show_removed:
        return False
    if task_filter.plan_id is not None and row.plan_id != task_filter.plan_id:  # issue 16: the plan selector
        return False
    scope = task_filter.scope
    if scope == MINE_ANY and row.role is None:
        return False
    if scope not in (MINE_ANY, ALL) and (row.role is None or row.role.value != scope):
        return False
    if task_filter.status is not None and row.status != task_filter.status:
        return False
    if task_filter.overdue_only and not is_overdue(row, today):
        return False
    if task_filter.only == "due_soon" and not is_due_soon(row, today):  # issue 16: the overview's links
        return False
    if task_filter.only == "no_evidence" and (row.status != Status.DONE or row.evidence_count):
        return False
    return all(word in node.key for word in words)


class CollatingProxy(QSortFilterProxyModel):
    """Sorts by Vietnamese collation (numeric-aware) when the user clicks a column header."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._collator = vietnamese_collator()
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left, right) -> bool:
        a = left.data(SORT_ROLE) or left.data(Qt.DisplayRole) or ""
        b = right.data(SORT_ROLE) or right.data(Qt.DisplayRole) or ""
        return self._collator.compare(str(a), str(b)) < 0


class TaskFilterProxy(CollatingProxy):
    """The window's filters and search over a TaskTreeModel; groups show when a task in them does.

    That is recursive filtering, worked out here in one pass (a task accepted marks its groups)
    rather than by Qt's recursiveFilteringEnabled, which asks the model for every descendant of
    every group again at each level: several times the Python calls at 20,000 tasks.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter = TaskFilter()
        self._words: list[str] = []
        self._accepted: set[int] = set()  # node ids of the tasks shown and of the groups holding them
        self._task_count = 0

    def setSourceModel(self, model: TaskTreeModel) -> None:
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self._about_to_reset)

    def _about_to_reset(self) -> None:
        self._accepted, self._task_count = set(), 0

    def set_filter(self, task_filter: TaskFilter) -> None:
        """Work out which tasks pass, then let the proxy re-map the tree once."""
        self._filter = task_filter
        self._words = fold(task_filter.query).split()
        # A reset of the proxy, not invalidateFilter() (which removes rows one range at a time and
        # updates every persistent index, the view's expanded groups, for each range: quadratic)
        # nor invalidate() (which carries each of those indexes over): the view lays out afresh.
        self.beginResetModel()
        self._retest_all()
        self._reset_mapping()
        self.endResetModel()

    def _reset_mapping(self) -> None:
        """Drop the proxy's row mapping (setSourceModel is the public way to do that)."""
        model = self.sourceModel()
        model.modelAboutToBeReset.disconnect(self._about_to_reset)
        self.blockSignals(True)
        try:
            super().setSourceModel(model)
        finally:
            self.blockSignals(False)
        model.modelAboutToBeReset.connect(self._about_to_reset)

    def refilter(self) -> None:
        """The same filter over new data (after the model was reset)."""
        self.set_filter(self._filter)

    def _retest_all(self) -> None:
        model, today = self.sourceModel(), self.sourceModel().today
        accepted: set[int] = set()
        count = 0
        for node in model.task_nodes():
            if accepts(self._filter, self._words, node, today):
                count += 1
                accepted.add(node.id)
                group = node.parent
                while group is not None and group.id not in accepted:
                    accepted.add(group.id)
                    group = group.parent
        self._accepted, self._task_count = accepted, count

    def update_task(self, row: TaskRow) -> TaskRow | None:
        """Replace one task in the model and re-test it alone; the proxy follows the dataChanged."""
        model = self.sourceModel()
        source = model.index_of_task(row.id)
        if source is None:
            return None
        node = model.node(source)
        trial = Node(node.id, None, 0, 0, (), task=row, key=search_text(row))
        now, before = accepts(self._filter, self._words, trial, model.today), node.id in self._accepted
        if now and not before:
            self._accepted.add(node.id)
            self._task_count += 1
        elif before and not now:
            self._accepted.discard(node.id)
            self._task_count -= 1
        changed = []  # groups that gain their first shown task or lose their last one
        group = node.parent
        while group is not None:
            shows = any(child.id in self._accepted for child in group.children)
            if shows != (group.id in self._accepted):
                (self._accepted.add if shows else self._accepted.discard)(group.id)
                changed.append(group)
            group = group.parent
        old = model.update_task(row)
        for group in reversed(changed):  # outermost first: the proxy re-tests each on its dataChanged
            model.group_changed(group)
        return old

    def is_visible(self, task_id: int) -> bool:
        source = self.sourceModel().index_of_task(task_id)
        return source is not None and source.internalId() in self._accepted

    def visible_task_ids(self) -> list[int]:
        """The tasks shown, in annex order."""
        accepted = self._accepted
        return [node.task.id for node in self.sourceModel().task_nodes() if node.id in accepted]

    def any_visible_conditional(self) -> bool:
        accepted = self._accepted
        return any(node.task.conditional for node in self.sourceModel().task_nodes() if node.id in accepted)

    def visible_count(self) -> int:
        return self._task_count

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        return self.sourceModel().child_node(source_row, source_parent).id in self._accepted
