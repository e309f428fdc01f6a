"""WizardContext: what every wizard page shares (the document, prompts, a task runner, the staging area)."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tlsgui.widgets.prompts import Prompts
from tlsgui.workers.tasks import TaskRunner


@dataclass
class WizardContext:
    """One per wizard. Pages read the project through it and never write into the project before Finish."""

    document: object  # tlsgui.document.ProjectDocument
    prompts: Prompts
    runner: TaskRunner
    jobs: list = field(default_factory=list)  # ProcessJobs a page started (asked about on close)
    _staging: Path | None = None

    @property
    def paths(self):
        return self.document.project.paths

    def project_for_install(self):
        """The project with the window's current settings, so an unsaved certificate folder or host name
        list is what the wizard uses (the install functions read `project.settings`)."""
        return dataclasses.replace(self.document.project, settings=self.document.settings)

    def staging_dir(self) -> Path:
        """A private scratch folder (mode 0700) outside the project, so a cancelled wizard leaves the project
        untouched; long results (custom DH parameters) wait there until Finish copies them atomically."""
        if self._staging is None:
            self._staging = Path(tempfile.mkdtemp(prefix="tlsgui-wizard-"))
        return self._staging

    def discard_staging(self) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None

    @property
    def busy(self) -> bool:
        return self.runner.running or any(job.running for job in self.jobs)

    def cancel_all(self) -> None:
        self.runner.cancel()
        for job in self.jobs:
            if job.running:
                job.cancel()
