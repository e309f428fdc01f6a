"""DhParamsJob: custom DH parameters generated in a `tlsgui --worker dhparams` child, then written atomically."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tlsgui.policy.files import DH_FILE
from tlsgui.project.atomic import check_writable, write_atomic
from tlsgui.project.backups import write_with_backup
from tlsgui.project.locate import ProjectPaths
from tlsgui.workers.child import worker_command
from tlsgui.workers.process_job import NextStage, ProcessJob


class DhParamsJob(ProcessJob):
    """Generation runs in a child (it sits in one OpenSSL call for about a minute and cannot be interrupted
    in-process); a second child checks the PEM with `dhparams.verify_generated` (stage 1, the check the CLI
    runs too), and only then does the parent
    write `dhparams.pem`, so a kill, a crash or bad output at any stage leaves the folder as it was.
    """

    dhparams_written = Signal(str)  # the path of the new dhparams.pem

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder: Path | None = None
        self._bits = 0
        self._paths: ProjectPaths | None = None
        self._pem: bytes | None = None
        self.written_path: Path | None = None

    def start_generation(self, bits: int, folder: Path, *, project_paths: ProjectPaths | None = None,
                         allow_test_size: bool = False) -> None:
        """Generate `bits`-bit parameters into `folder`/dhparams.pem.

        With `project_paths`, an existing dhparams.pem is first copied to the project's backups (DESIGN.md
        section 4). `allow_test_size` admits 512 bits for tests only.
        """
        self._folder, self._bits, self._paths = Path(folder), int(bits), project_paths
        self.written_path, self._pem = None, None
        args = ["dhparams", "--bits", str(self._bits)]
        if allow_test_size:
            args.append("--allow-test-size")
        self.start(worker_command(*args))

    def handle_success(self, stdout: bytes) -> bytes | NextStage:
        if self.stage == 0:
            # Never trust the child blindly: truncated or foreign output must not become dhparams.pem.
            # The check is slow and holds the GIL, so a second child does it (dhparams.check_worker_main).
            self._pem = stdout
            return NextStage(worker_command("dhparams-check", "--bits", str(self._bits)), stdin=stdout)
        # The checker child exited 0: the parameters are readable and of the size asked for.
        assert self._folder is not None and self._pem is not None
        target = self._folder / DH_FILE
        check_writable(target)  # refuse before making a backup of a file we could not replace
        # A small file: a few ms on the GUI thread. In a project: backed up, under the project lock, journaled;
        # in the wizard's staging folder (no project): a plain atomic write.
        if self._paths is not None:
            write_with_backup(self._paths, [(target, self._pem, 0o644)], "before new DH parameters")
        else:
            write_atomic(target, self._pem)
        self.written_path = target
        self.dhparams_written.emit(str(target))
        return self._pem
