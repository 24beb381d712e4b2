"""Random sequences of edits, backups, restores and restarts: the data always equals a plain
Python model of what the official did (and what each backup held when it was made)."""

from __future__ import annotations

import atexit
import copy
import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, precondition, rule

from kehoach_desktop.backup import BackupManager
from kehoach_desktop.model import AgencyKind, AgencyProfile, Evidence, Progress, Status
from kehoach_desktop.paths import sample_workbook
from kehoach_desktop.workspace import Workspace

TASKS = 4  # a few tasks, so that edits meet
_template: Path | None = None


def template() -> Path:
    """The sample plan imported once; each run works on a copy."""
    global _template
    if _template is None:
        folder = tempfile.mkdtemp(prefix="kehoach-stateful-")
        atexit.register(shutil.rmtree, folder, True)
        _template = Path(folder) / "data"
        with Workspace(_template) as ws:
            ws.save_profile(AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA))
            ws.import_annex(sample_workbook())
        shutil.rmtree(_template / "backups")
    return _template


texts = st.text(alphabet="aăâđeêoôơuưy ÀÁẠẢÃàáạảãĐđ0123456789", max_size=12)


class BackupsAndRestores(RuleBasedStateMachine):
    backups = Bundle("backups")

    @initialize()
    def open_data(self):
        self.folder = Path(tempfile.mkdtemp(prefix="kehoach-run-"))
        self.data_dir = self.folder / "data"
        shutil.copytree(template(), self.data_dir)
        self.ws = Workspace(self.data_dir)
        self.task_ids = [task.id for task in self.ws.tasks(mine_only=True)[:TASKS]]
        self.files = self.folder / "files"
        self.files.mkdir()
        # The model: progress per task, evidence per task (number, abstract, file content).
        self.progress: dict[int, tuple[str, int, str]] = {}
        self.evidence: dict[int, list[tuple[str, str, bytes | None]]] = {task: [] for task in self.task_ids}
        self.newest_backup_model = None

    def teardown(self):
        if hasattr(self, "ws"):
            self.ws.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _model(self):
        return copy.deepcopy((self.progress, self.evidence))

    # --- what the official does -------------------------------------------------------------

    @rule(task=st.integers(0, TASKS - 1), status=st.sampled_from(list(Status)), percent=st.integers(0, 100),
          result=texts)
    def save_progress(self, task, status, percent, result):
        task_id = self.task_ids[task]
        saved = self.ws.save_progress(Progress(task_id=task_id, status=status, percent=percent, result=result))
        self.progress[task_id] = (status.value, percent, saved.result)

    @rule(task=st.integers(0, TASKS - 1), number=texts, content=st.none() | st.binary(min_size=1, max_size=64))
    def add_evidence(self, task, number, content):
        task_id = self.task_ids[task]
        path = None
        if content is not None:
            path = self.files / f"tep-{len(list(self.files.iterdir()))}.pdf"
            path.write_bytes(content)
        elif not number.strip():
            number = "1/BC"
        added = self.ws.add_evidence(task_id, Evidence(task_id=task_id, number=number, abstract="Báo cáo"), path)
        self.evidence[task_id].append((added.number, added.abstract, content))

    @precondition(lambda self: any(self.evidence.values()))
    @rule(data=st.data())
    def remove_evidence(self, data):
        task_id = data.draw(st.sampled_from([task for task, items in self.evidence.items() if items]))
        position = data.draw(st.integers(0, len(self.evidence[task_id]) - 1))
        self.ws.remove_evidence(self.ws.evidence_list(task_id)[position].id)
        del self.evidence[task_id][position]

    @rule(target=backups)
    def back_up(self):
        info = self.ws.backup("thu-cong")
        self.newest_backup_model = self._model()
        return (info.path, self._model())

    @rule()
    def back_up_if_changed(self):
        made = self.ws.backup_if_changed()
        if self.newest_backup_model is None or self._model() != self.newest_backup_model:
            assert made is not None  # a change since the newest backup is never skipped
        if made is not None:
            self.newest_backup_model = self._model()

    @rule(target=backups, chosen=backups)
    def restore(self, chosen):
        path, model = chosen
        before = self._model()
        self.ws.close()
        result = BackupManager(self.data_dir).restore(path)
        self.ws = Workspace(self.data_dir)
        assert result.missing_evidence == []
        self.progress, self.evidence = copy.deepcopy(model)
        self.newest_backup_model = before  # the safety backup made just before
        return (result.safety_backup.path, before)

    @rule()
    def restart(self):
        self.ws.close()
        self.ws = Workspace(self.data_dir)

    # --- what must always hold ----------------------------------------------------------------

    @invariant()
    def data_equals_the_model(self):
        if not hasattr(self, "ws"):
            return
        for task_id in self.task_ids:
            saved = self.ws.progress(task_id)
            expected = self.progress.get(task_id, (Status.NOT_STARTED.value, 0, ""))
            assert (saved.status.value, saved.percent, saved.result) == expected
            stored = self.ws.evidence_list(task_id)
            assert [(item.number, item.abstract) for item in stored] == [(n, a) for n, a, _ in self.evidence[task_id]]
            for item, (_, _, content) in zip(stored, self.evidence[task_id]):
                if content is None:
                    assert item.file_sha256 is None
                else:
                    assert self.ws.evidence.path_for(item.file_sha256).read_bytes() == content


BackupsAndRestores.TestCase.settings = settings(max_examples=30, stateful_step_count=15, deadline=None)
test_edits_backups_and_restores_keep_the_data_equal_to_the_model = BackupsAndRestores.TestCase
