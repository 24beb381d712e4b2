"""The task tree: index → area → criterion → task, as a Qt item model over the service's rows.

The tree is built once from plain TaskRow values (`build_tree`; its items are not QObjects, so it
may run on a worker thread) into a QStandardItemModel, so that the view's questions at 20,000 tasks
(a layout asks about every row) are answered in C++, not by a Python call per row. Filters and
search pick their tasks in one pass over each task's precomputed key (`task_filter.filter_key`);
the view hides the rows that then change (`TaskFilterProxy`). A save replaces one row in place
(dataChanged); nothing is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections import deque
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter

import shiboken6
from PySide6.QtCore import QCollator, QLocale, QModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from ..model import Status, TaskRow
from ..task_filter import TaskFilter, filter_key, search_text, split_key
from ..text import format_date
from ..workspace import is_due_soon, is_overdue
from . import qt_values as qv  # issue 17: not PySide's Qt namespace before the tasks' first paint

TASK_ID_ROLE = qv.USER_ROLE + 1
SORT_ROLE = qv.USER_ROLE + 2
CALM_ROLE = qv.USER_ROLE + 4  # True on the cells of a finished plan's task

COLUMNS = ["Mã", "Nhiệm vụ", "Vai trò", "Thời hạn", "Tình trạng"]
COL_CODE, COL_TASK, COL_ROLE, COL_DEADLINE, COL_STATUS = range(len(COLUMNS))

OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#a61b1b")
DUE_SOON_BG = QColor("#fff1cc")
DONE_FG = QColor("#1f7a3a")
GROUP_BG = QColor("#eef3f8")
CALM_TEXT = QColor("#546e7a")  # a past year's plan: history, not an alarm

STATUS_LABELS = {
    Status.NOT_STARTED: "Chưa thực hiện",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.DONE: "Hoàn thành",
    Status.NOT_FEASIBLE: "Không thực hiện được",
}

# How a row looks: a group (bold or not), or a task that is plain, overdue or due soon.
GROUP_BOLD, GROUP_PLAIN, TASK_PLAIN, TASK_OVERDUE, TASK_DUE_SOON = range(5)


def task_id_at(index: QModelIndex) -> int | None:
    """The task of a row, from any of its cells (the id is kept on the first column only)."""
    return index.siblingAtColumn(0).data(TASK_ID_ROLE) if index.isValid() else None


def vietnamese_collator() -> QCollator:
    from PySide6.QtCore import Qt

    collator = QCollator(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    collator.setNumericMode(True)  # "1.10" after "1.9"
    collator.setCaseSensitivity(Qt.CaseInsensitive)
    return collator


@functools.lru_cache(maxsize=4096)  # a plan has a few dozen deadlines: not 20,000 strftime calls
def _dmy(date: dt.date) -> str:
    return format_date(date)


def deadline_label(row: TaskRow) -> str:
    """The deadline as written, with the date it was read as when the text is not a date."""
    if row.due_date and _dmy(row.due_date) not in row.deadline_text:
        return f"{row.deadline_text} ({_dmy(row.due_date)})"
    return row.deadline_text


def short_deadline(row: TaskRow) -> str:
    """For the narrow list column: the due date when there is one, else the text."""
    if row.due_date:
        return _dmy(row.due_date)
    return " ".join(row.deadline_text.split())


# --- the tree, built once (no QObject: may run off the GUI thread) ---------------------------

@dataclass
class TreeData:
    """The tasks read and their tree cells, as _read_tree builds them for the model."""
    rows: list[TaskRow]  # every task, in annex order
    # The index groups' rows, their groups and tasks below; handed to the model by set_tree, which
    # then empties this list: no Python wrapper of a cell may outlive the model that owns the cell
    # (PySide does not track a QStandardItem's deletion; a stale wrapper corrupts the process).
    roots: list[list[QStandardItem]]
    by_task: dict[int, tuple[int, ...]]  # a task's row numbers, from the top level down
    position: dict[int, int]  # a task's place in rows
    prefixes: list[str]  # each row's filter_key, split (task_filter.split_key), in the same order
    texts: list[str]
    today: dt.date
    finished: frozenset = frozenset()  # plans of a past year: their rows are drawn calm
    counts: dict = field(default_factory=dict)  # plan id → the status bar's counts, worked out with the read
    # The shape, for hiding rows (issue 17): each group (numbered as made) its parent group (-1: top
    # level) and its row there; each task (by position) its group and its row in it.
    group_parent: list[int] = field(default_factory=list)
    group_row: list[int] = field(default_factory=list)
    task_group: list[int] = field(default_factory=list)
    task_row: list[int] = field(default_factory=list)
    texts_folded: bool = True  # False: `texts` are "" until fold_texts (the start's read, issue 17)


def task_texts(row: TaskRow, today: dt.date, overdue: bool | None = None,
               soon: bool | None = None) -> tuple[int, tuple, tuple, tuple]:
    """A task row's style, cell texts, tooltips and sort keys (`overdue`, `soon`: is_overdue and
    is_due_soon at `today`, when the caller has them)."""
    role = row.role.label if row.role else ""
    if row.role and row.conditional:
        role += " *"
    status = STATUS_LABELS[row.status]
    if row.status == Status.IN_PROGRESS and row.percent:
        status += f" ({row.percent}%)"
    if overdue is None:
        overdue = is_overdue(row, today)
    if soon is None:
        soon = is_due_soon(row, today)
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


class _Look:
    """Brushes and fonts, and prototype cells cloned for every row (one call per cell, not five)."""

    def __init__(self):
        # The colours themselves: the delegate paints a QColor in a colour role as a solid brush.
        # issue 17: a QBrush needs Qt.SolidPattern (QBrush(colour) alone makes QGradient's type)
        self.group_bg = GROUP_BG
        self.overdue_bg, self.overdue_fg = OVERDUE_BG, OVERDUE_FG
        self.due_soon_bg, self.done_fg = DUE_SOON_BG, DONE_FG
        self.calm_fg = CALM_TEXT
        self.bold = QFont()
        self.bold.setBold(True)
        self.plain = QFont()
        self.struck = QFont()
        self.struck.setStrikeOut(True)
        self._cells: dict[tuple, QStandardItem] = {}

    def cell(self, background, foreground, font, calm: bool, flags) -> QStandardItem:
        """A new cell with these roles set (a clone of the prototype for them)."""
        key = (id(background), id(foreground), id(font), calm, flags)
        prototype = self._cells.get(key)
        if prototype is None:
            prototype = self._cells[key] = QStandardItem()
            prototype.setData(flags, qv.ITEM_FLAGS_ROLE)  # setFlags, without Qt's ItemFlag (issue 17)
            for role, value in ((_BACKGROUND, background), (_FOREGROUND, foreground), (_FONT, font),
                                (CALM_ROLE, True if calm else None)):
                if value is not None:
                    prototype.setData(value, role)
        return prototype.clone()


_LOOKS: list[_Look] = []

# Plain ints: PySide's enum members cost microseconds per use, a million times per build.
_DISPLAY, _TOOLTIP, _BACKGROUND = qv.DISPLAY_ROLE, qv.TOOLTIP_ROLE, qv.BACKGROUND_ROLE
_FOREGROUND, _FONT = qv.FOREGROUND_ROLE, qv.FONT_ROLE
_TASK_FLAGS = qv.ITEM_IS_ENABLED | qv.ITEM_IS_SELECTABLE | qv.ITEM_NEVER_HAS_CHILDREN
_GROUP_FLAGS = qv.ITEM_IS_ENABLED | qv.ITEM_IS_SELECTABLE
_CELL_ROLES = (_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND, _FONT, SORT_ROLE, CALM_ROLE, TASK_ID_ROLE)


def _look() -> _Look:
    if not _LOOKS:
        _LOOKS.append(_Look())
    return _LOOKS[0]


def _task_looks(row: TaskRow, style: int, calm: bool) -> list[tuple]:
    """Each cell's (background, foreground, font) for a task."""
    look = _look()
    background = None if calm else {TASK_OVERDUE: look.overdue_bg, TASK_DUE_SOON: look.due_soon_bg}.get(style)
    font = look.struck if row.removed else None
    looks = []
    for column in range(len(COLUMNS)):
        foreground = None
        if calm:
            foreground = look.calm_fg
        elif style == TASK_OVERDUE and column in (COL_DEADLINE, COL_STATUS):
            foreground = look.overdue_fg
        elif row.status == Status.DONE and column == COL_STATUS:
            foreground = look.done_fg
        looks.append((background, foreground, font))
    return looks


_ROW_PROTOTYPES: dict[tuple, list[QStandardItem]] = {}


def _task_prototypes(row: TaskRow, style: int, calm: bool) -> list[QStandardItem]:
    """The five prototype cells for a task of this look (a handful of looks among 20,000 rows)."""
    key = (style, calm, row.removed, row.status == Status.DONE)
    found = _ROW_PROTOTYPES.get(key)
    if found is None:
        look = _look()
        found = _ROW_PROTOTYPES[key] = [look.cell(background, foreground, font, calm, _TASK_FLAGS)
                                        for background, foreground, font in _task_looks(row, style, calm)]
    return found


def _task_row(row: TaskRow, today: dt.date, calm: bool, overdue: bool | None = None,
              soon: bool | None = None) -> list[QStandardItem]:
    style, texts, tooltips, sort_keys = task_texts(row, today, overdue, soon)
    cells = [prototype.clone() for prototype in _task_prototypes(row, style, calm)]
    for column, cell in enumerate(cells):
        text = texts[column]
        if text:
            cell.setText(text)
        if tooltips[column] != text:
            cell.setData(tooltips[column], _TOOLTIP)
        if sort_keys[column] != text:
            cell.setData(sort_keys[column], SORT_ROLE)
    cells[0].setData(row.id, TASK_ID_ROLE)  # the first cell only: readers ask index.siblingAtColumn(0)
    return cells


def _group_row(style: int, code: str, title: str) -> list[QStandardItem]:
    look = _look()
    font = look.bold if style == GROUP_BOLD else look.plain
    cells = [look.cell(look.group_bg, None, font, False, _GROUP_FLAGS) for _ in COLUMNS]
    if code:
        cells[COL_CODE].setText(code)
    cells[COL_TASK].setText(title)
    return cells


def build_tree(rows: list[TaskRow], today: dt.date | None = None, finished=frozenset(), *,
               fold: bool = True) -> TreeData:
    """Group the rows by index, area and criterion, as the annex does. `fold=False`: the search
    texts are folded later (fold_texts), when no search needs them before the first paint."""
    today = today or dt.date.today()
    tree = TreeData(rows=rows, roots=[], by_task={}, position={}, prefixes=[], texts=[], today=today,
                    finished=frozenset(finished), texts_folded=fold)
    text = None if fold else ""
    groups: dict[tuple, list] = {}  # key → [first cell, its row numbers, how many rows below it, its number]
    top = [None, (), 0, -1]

    def group(parent: list, key: tuple, style: int, code: str, title: str) -> list:
        found = groups.get(key)
        if found is None:
            cells = _group_row(style, code, title)
            if parent is top:
                tree.roots.append(cells)
            else:
                parent[0].appendRow(cells)
            found = groups[key] = [cells[0], (*parent[1], parent[2]), 0, len(tree.group_parent)]
            tree.group_parent.append(parent[3])
            tree.group_row.append(parent[2])
            parent[2] += 1
        return found

    for position, row in enumerate(rows):
        index_key = (row.plan_id, row.index_name)
        # the index's name says which index it is; the code column stays empty
        parent = group(top, index_key, GROUP_BOLD, "", row.index_name or row.index_kind)
        if row.area_title and (row.area_code, row.area_title) != (row.code, row.criterion):
            parent = group(parent, (*index_key, row.area_code, row.area_title), GROUP_BOLD, row.area_code, row.area_title)
        if row.criterion:
            parent = group(parent, (*index_key, row.code, row.criterion), GROUP_PLAIN, row.code, row.criterion)
        overdue, soon = is_overdue(row, today), is_due_soon(row, today)  # once a task (issue 17)
        parent[0].appendRow(_task_row(row, today, row.plan_id in tree.finished, overdue, soon))
        tree.by_task[row.id] = (*parent[1], parent[2])
        tree.task_group.append(parent[3])
        tree.task_row.append(parent[2])
        parent[2] += 1
        tree.position[row.id] = position
        _keep_key(tree, position, filter_key(row, today, text, overdue, soon))
    return tree


def fold_texts(tree: TreeData) -> None:
    """Every task's folded search text, if build_tree left them for later."""
    if not tree.texts_folded:
        tree.texts[:] = [search_text(row) for row in tree.rows]
        tree.texts_folded = True


def _keep_key(tree: TreeData, position: int, key: str) -> None:
    (prefix,), (text,) = split_key(key)
    prefix = sys.intern(prefix)  # a few hundred distinct prefixes among 20,000 tasks
    if position == len(tree.prefixes):
        tree.prefixes.append(prefix)
        tree.texts.append(text)
    else:
        tree.prefixes[position], tree.texts[position] = prefix, text


def empty_tree() -> TreeData:
    return TreeData(rows=[], roots=[], by_task={}, position={}, prefixes=[], texts=[], today=dt.date.today())


# --- the Qt model -----------------------------------------------------------------------------

class TaskTreeModel(QStandardItemModel):
    """The tree's items; `set_tree` swaps them, `update_task` changes one row in place."""

    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        _look()  # made in the GUI thread, before any worker builds a tree
        self.setHorizontalHeaderLabels(COLUMNS)
        self._tree = empty_tree()
        self._conditional: set[int] | None = None  # positions of the conditional tasks, when first asked
        # Who sorts for a view of this model (TaskFilterProxy.show_in): its rows keep the annex's order.
        self.sort_by = None

    def sort(self, column: int, order=None) -> None:
        """A view's sortByColumn (a header click): passed to the proxy that sorts for it."""
        if self.sort_by is not None:
            self.sort_by(column, order)

    # --- what the window calls

    @property
    def tree(self) -> TreeData:
        """The data shown: its rows and shape (the proxy hides rows by it)."""
        return self._tree

    @property
    def rows(self) -> list[TaskRow]:
        return self._tree.rows

    @property
    def today(self) -> dt.date:
        return self._tree.today

    def select(self, task_filter: TaskFilter, among: list[int] | None = None) -> list[int]:
        """The positions (in rows) of the tasks the filter accepts: one pass over the precomputed keys."""
        if task_filter.words():
            self.fold_texts()
        return task_filter.select(self._tree.prefixes, self._tree.texts, among)

    def conditional_among(self, positions: set[int]) -> bool:
        """Whether a task at one of these positions is assigned on a condition ("… có liên quan").
        The conditional tasks are few and found once a tree: a pass over 20,000 rows at every
        keystroke cost ~5 ms."""
        if self._conditional is None:
            rows = self._tree.rows
            self._conditional = set(compress(range(len(rows)), map(_CONDITIONAL, rows)))
        return not self._conditional.isdisjoint(positions)

    def set_tree(self, tree: TreeData) -> None:
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the views, not a removal and an insertion
        try:
            while self.rowCount():  # taken back, not removeRows: PySide still holds wrappers of the old
                self.takeRow(self.rowCount() - 1)  # cells; freed through them, none is left dangling
            root = self.invisibleRootItem()  # not self.appendRow: the model's wrapper would keep every
            for cells in tree.roots:  # cell's Python wrapper alive (155,000 at 20,000 tasks, ~40 MB)
                root.appendRow(cells)
        finally:
            self.blockSignals(False)
        tree.roots.clear()  # the model owns the cells now; their wrappers go with this list and `root`
        self._tree = tree
        self._conditional = None
        self.endResetModel()

    def fold_texts(self) -> None:
        """The search texts, if the tree came without them (issue 17: folded after the first paint)."""
        fold_texts(self._tree)

    def task(self, task_id: int) -> TaskRow | None:
        position = self._tree.position.get(task_id)
        return None if position is None else self._tree.rows[position]

    def update_task(self, row: TaskRow) -> TaskRow | None:
        """Show a task's new values in place; returns the row it replaces (None if not shown).

        A task whose index, area or criterion changed needs a full reload: the caller's concern.
        """
        tree = self._tree
        first = self.index_of_task(row.id)
        if first is None:
            return None
        position = tree.position[row.id]
        old = tree.rows[position]
        tree.rows[position] = row
        if old.conditional != row.conditional:
            self._conditional = None
        _keep_key(tree, position, filter_key(row, tree.today))
        fresh = _task_row(row, tree.today, row.plan_id in tree.finished)
        for column, cell in enumerate(fresh):  # the new values over the old cells: one dataChanged each
            index = first.siblingAtColumn(column)
            roles = {role: cell.data(role) for role in _CELL_ROLES}
            self.setItemData(index, {role: value for role, value in roles.items() if value is not None})
            for role, value in roles.items():  # roles that went away (no longer overdue, …)
                if value is None and index.data(role) is not None:
                    self.setData(index, None, role)
        return old

    def index_of_task(self, task_id: int) -> QModelIndex | None:
        path = self._tree.by_task.get(task_id)
        if path is None:
            return None
        index = QModelIndex()
        for row in path:
            index = self.index(row, 0, index)
        return index


# --- filters and sorting ------------------------------------------------------------------------

class CollatingProxy(QSortFilterProxyModel):
    """Sorts by Vietnamese collation (numeric-aware) when the user clicks a column header."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._made_collator: QCollator | None = None  # at the first sort (issue 17)
        self._source_order = True  # sorted by no column, source rows ascending (see `sort`)
        self.setSortRole(SORT_ROLE)

    @property
    def _collator(self) -> QCollator:
        if self._made_collator is None:
            self._made_collator = vietnamese_collator()
        return self._made_collator

    def lessThan(self, left, right) -> bool:
        a = left.data(SORT_ROLE) or left.data(_DISPLAY) or ""
        b = right.data(SORT_ROLE) or right.data(_DISPLAY) or ""
        return self._collator.compare(str(a), str(b)) < 0

    def sort(self, column: int, order=None) -> None:
        """As Qt's; remembers whether rows are in source order, so that the filter's row hiding
        need not ask sortOrder(), whose answer is one of Qt's enums (issue 17: before the first paint)."""
        from PySide6.QtCore import Qt

        order = Qt.AscendingOrder if order is None else order
        self._source_order = column < 0 and order == Qt.AscendingOrder
        super().sort(column, order)


class TaskFilterProxy(CollatingProxy):
    """The window's filters and search over a TaskTreeModel; groups show when a task in them does.

    The filter picks its tasks in one pass in Python over the tasks' precomputed keys
    (TaskFilter.select), and the view it is shown in (`show_in`) hides the other rows: only the rows
    whose state changes, a whole group when none of its tasks shows (QTreeView.setRowHidden).
    Hidden rows keep the view's open and closed groups, so a filter change costs the rows that
    change and one layout of the view; a pattern in Qt's recursive filter instead re-tested every
    row (once per level above it) when the view next asked, and the tree had to be expanded
    afresh: ~85 ms of a keystroke at 20,000 tasks.

    The proxy only sorts, and the view shows it only while a column is sorted: in the annex's
    order the view shows the model itself, whose rows a layout walks a third faster than through
    a proxy (30 against 45-55 ms for the 31,000 rows of 20,000 tasks, at every filter change).
    """

    # The view shows the other model now (sorted or not), with a new selection model: whoever
    # listens to the view's current row connects again.
    view_model_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter = TaskFilter()
        self._visible: list[int] | None = None  # positions of the tasks shown, worked out when first asked
        self._visible_set: set[int] | None = None
        self._view = None
        # The rows the view hides: tasks by their position, groups by their number (TreeData). Rows
        # below a hidden group keep whatever state they had: they are set when it shows again.
        self._hidden_tasks: set[int] = set()
        self._hidden_groups: set[int] = set()
        self._applied: list[int] | None = None  # the tasks shown when the view's rows were last set
        # (prefix pattern, words, positions) of the filter last worked out: a narrower one tests only those
        self._before: tuple | None = None
        self._groups: list | None = None  # each group's index in the view's model (and the root last)
        self.modelReset.connect(self._forget)  # the view forgets its hidden rows on a reset too
        self.layoutChanged.connect(self._forget_indexes)

    def _forget_indexes(self, *_) -> None:
        self._groups = None

    def _forget(self) -> None:
        self._visible = self._visible_set = self._groups = self._applied = self._before = None
        self._hidden_tasks, self._hidden_groups = set(), set()

    def show_in(self, view) -> None:
        """The view that shows the tasks: it hides the rows the filter leaves out."""
        self.sourceModel().sort_by = self.sort  # the view's sortByColumn, while it shows the model
        self._view = view
        view.setModel(self.sourceModel())
        self._hidden_tasks, self._hidden_groups, self._applied, self._groups = set(), set(), None, None
        self._apply()

    def view_index(self, source_index: QModelIndex) -> QModelIndex:
        """A cell of the model as the view shows it (the same cell, or its place in the sort)."""
        return self.mapFromSource(source_index) if self._shows_proxy() else source_index

    def sort(self, column: int, order=None) -> None:
        """Sort by a column (Vietnamese collation), or by none (-1): the annex's order, where the
        view shows the model itself again. Rows hidden, groups closed and the current task stay."""
        super().sort(column, order)
        if self._view is not None and shiboken6.isValid(self._view):
            self._show_model(self.sourceModel() if self._in_source_order() else self)

    def _shows_proxy(self) -> bool:
        view = self._view
        return view is not None and shiboken6.isValid(view) and view.model() is self

    def _show_model(self, model) -> None:
        """The view switched to `model` (this proxy or its source) in the state it had."""
        view = self._view
        if view.model() is model:
            return
        tree = self.sourceModel().tree
        old_groups = self._group_indexes(tree)
        closed = [n for n, index in enumerate(old_groups[:-1]) if not view.isExpanded(index)]
        current = task_id_at(view.currentIndex())
        selection = view.selectionModel()
        view.setModel(model)
        selection.deleteLater()
        self._hidden_tasks, self._hidden_groups, self._applied, self._groups = set(), set(), None, None
        expand_all(view)
        groups = self._group_indexes(tree)
        for n in closed:
            view.collapse(groups[n])
        self.view_model_changed.emit()
        self._apply()
        task = self.sourceModel().index_of_task(current) if current is not None else None
        if task is not None and self.is_visible(current):
            view.setCurrentIndex(self.view_index(task))
            view.scrollTo(view.currentIndex())

    def set_filter(self, task_filter: TaskFilter) -> None:
        self._filter = task_filter
        self._visible = self._visible_set = None
        self._apply()

    def refilter(self) -> None:
        """The same filter over new data (after the model was reset)."""
        self.set_filter(self._filter)

    def update_task(self, row: TaskRow) -> TaskRow | None:
        """Replace one task in the model; it shows or hides (with its groups) as the filter says."""
        old = self.sourceModel().update_task(row)
        self._visible = self._visible_set = self._before = None
        self._apply()
        return old

    def _shown(self) -> list[int]:
        if self._visible is None:  # the filter's conditions as they are now (the window edits its plan_id in place)
            before = self._before
            among = before[2] if before and self._filter.narrows(before[0], before[1]) else None
            self._visible = self.sourceModel().select(self._filter, among)
            self._before = (self._filter.prefix_pattern(), self._filter.words(), self._visible)
        return self._visible

    def _shown_set(self) -> set[int]:
        if self._visible_set is None:
            self._visible_set = set(self._shown())
        return self._visible_set

    def is_visible(self, task_id: int) -> bool:
        position = self.sourceModel().tree.position.get(task_id)
        return position is not None and position in self._shown_set()

    def visible_task_ids(self) -> list[int]:
        """The tasks shown, in annex order."""
        rows = self.sourceModel().rows
        return [rows[n].id for n in self._shown()]

    def any_visible_conditional(self) -> bool:
        return self.sourceModel().conditional_among(self._shown_set())

    def visible_count(self) -> int:
        return len(self._shown())

    # --- the view's hidden rows

    def _apply(self) -> None:
        view = self._view
        if view is None or not shiboken6.isValid(view) or view.model() not in (self, self.sourceModel()):
            return
        tree = self.sourceModel().tree
        groups = self._group_indexes(tree)  # made at the first filter after a reload, not at the first keystroke
        if self._shown() == self._applied:  # the same tasks ("Tất cả" where every task is the agency's, …)
            return
        (hide_tasks, show_tasks), (hide_groups, show_groups) = rows_to_change(
            tree, self._shown(), self._shown_set(), self._hidden_tasks, self._hidden_groups)
        self._applied = self._shown()
        self._hidden_tasks = (self._hidden_tasks - show_tasks) | hide_tasks
        self._hidden_groups = (self._hidden_groups - show_groups) | hide_groups
        hide, rows_of, parents_of = view.setRowHidden, self._rows_in_view, groups.__getitem__
        task_group, task_row, group_parent, group_row = tree.task_group, tree.task_row, tree.group_parent, tree.group_row
        for flag, changed_tasks, changed_groups in ((True, hide_tasks, hide_groups), (False, show_tasks, show_groups)):
            # a task's parent is its group; a group's is its parent group, or the root (-1: the last index)
            for changed, parents, rows in ((changed_tasks, task_group, task_row), (changed_groups, group_parent, group_row)):
                parent_indexes = list(map(parents_of, map(parents.__getitem__, changed)))
                row_numbers = rows_of(parent_indexes, map(rows.__getitem__, changed))
                deque(map(hide, row_numbers, parent_indexes, repeat(flag)), maxlen=0)  # the calls in a C loop

    def _rows_in_view(self, parents: list, rows):
        """The row numbers, in the view's model, of these source rows below these parents (view indexes)."""
        if not self._shows_proxy() or self._in_source_order():
            return rows
        index = self._index_in_view()
        return [index(row, 0, parent).row() for parent, row in zip(parents, rows)]

    def _index_in_view(self):
        """index(row, column, parent) of the view's model for a source row below a parent of the view's model."""
        source = self.sourceModel()
        if not self._shows_proxy():
            return source.index
        if self._in_source_order():
            return self.index

        def index(row, column, parent):  # sorted: a proxy row is not its source row
            return self.mapFromSource(source.index(row, column, self.mapToSource(parent)))
        return index

    def _in_source_order(self) -> bool:
        """Each proxy row is its source row: not sorted by a column, nor by source row backwards."""
        return self._source_order

    def _group_indexes(self, tree: TreeData) -> list:
        """Every group's index in the view's model, made once per tree and sort order (top down:
        a parent comes first), and the root last (a top-level group's parent number is -1).
        Plain indexes: 11,000 persistent ones cost ~90 ms to make and ~35 ms to free."""
        if self._groups is None:
            made: list = []
            root, index = QModelIndex(), self._index_in_view()
            for above, row in zip(tree.group_parent, tree.group_row):
                made.append(index(row, 0, made[above] if above >= 0 else root))
            made.append(root)
            self._groups = made
        return self._groups


def expand_all(view) -> None:
    """view.expandAll(), the rows measured when they are next laid out, not now: expandAll lays
    out every row at once and asks the height of the last screenful (five cells a row, each text
    measured: ~6 ms at 300 tasks) for heights that the next layout (the window shown, the filter's
    hidden rows) works out again. With uniform heights for the while, Qt measures one row."""
    uniform = view.uniformRowHeights()
    view.setUniformRowHeights(True)
    try:
        view.expandAll()
    finally:
        view.setUniformRowHeights(uniform)


_CONDITIONAL = attrgetter("conditional")


def rows_to_change(tree: TreeData, shown: list[int], shown_set: set[int], hidden_tasks: set[int],
                   hidden_groups: set[int]) -> tuple[tuple[set, set], tuple[set, set]]:
    """The tasks (by position) and the groups (by number) to hide and to show again for these tasks
    to be the ones shown: a row hides when it does not show and its parent does; below a hidden
    group nothing changes. Set operations, most of them in C: 20,000 tasks in a few milliseconds."""
    if len(shown_set) == len(tree.rows):  # every task (a search erased): what is hidden shows again
        return (set(), set(hidden_tasks)), (set(), set(hidden_groups))
    groups = set(map(tree.task_group.__getitem__, shown))  # the groups holding a task shown, and above
    parent_of = tree.group_parent
    rising = groups
    while rising:
        rising = set(map(parent_of.__getitem__, rising))
        rising.discard(-1)
        rising -= groups
        groups |= rising
    wanted_tasks = set(compress(range(len(tree.rows)), map(groups.__contains__, tree.task_group)))
    wanted_tasks -= shown_set
    wanted_groups = {n for n, above in enumerate(parent_of) if n not in groups and (above < 0 or above in groups)}
    return ((wanted_tasks - hidden_tasks, hidden_tasks & shown_set),
            (wanted_groups - hidden_groups, hidden_groups & groups))
