"""DhParamsJob: custom DH parameters generated in a `tlsgui --worker dhparams` child, then written atomically."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tlsgui.crypto.dhparams import read_dh_bits
from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import check_writable, write_atomic
from tlsgui.project.backups import create_backup
from tlsgui.project.locate import ProjectPaths
from tlsgui.workers.child import worker_command
from tlsgui.workers.process_job import ProcessJob

DHPARAMS_NAME = "dhparams.pem"


class DhParamsJob(ProcessJob):
    """Generation runs in a child (it sits in one OpenSSL call for about a minute and cannot be interrupted
    in-process); the parent checks the child's PEM and only then writes `dhparams.pem`, so a kill, a crash or
    bad output leaves the folder exactly as it was.
    """

    dhparams_written = Signal(str)  # the path of the new dhparams.pem

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder: Path | None = None
        self._bits = 0
        self._paths: ProjectPaths | None = None
        self.written_path: Path | None = None

    def start_generation(self, bits: int, folder: Path, *, project_paths: ProjectPaths | None = None,
                         allow_test_size: bool = False) -> None:
        """Generate `bits`-bit parameters into `folder`/dhparams.pem.

        With `project_paths`, an existing dhparams.pem is first copied to the project's backups (DESIGN.md
        section 4). `allow_test_size` admits 512 bits for tests only.
        """
        self._folder, self._bits, self._paths = Path(folder), int(bits), project_paths
        self.written_path = None
        args = ["dhparams", "--bits", str(self._bits)]
        if allow_test_size:
            args.append("--allow-test-size")
        self.start(worker_command(*args))

    def check_output(self, stdout: bytes) -> bytes:
        # Pool thread. Never trust the child blindly: truncated or foreign output must not become
        # dhparams.pem. Loading custom parameters runs OpenSSL's checks (~0.4 s at 2048 bits).
        bits = read_dh_bits(stdout)
        if bits != self._bits:
            raise TlsguiError(f"The worker produced {bits}-bit parameters instead of {self._bits}; "
                              "nothing was written.", fix="Try again.")
        return stdout

    def process_output(self, stdout: bytes) -> bytes:
        # GUI thread, after a successful check: a small atomic write, so cancel and write never race.
        assert self._folder is not None
        target = self._folder / DHPARAMS_NAME
        check_writable(target)  # refuse before making a backup of a file we could not replace
        if self._paths is not None:
            create_backup(self._paths, [target], "before new DH parameters")
        write_atomic(target, stdout)
        self.written_path = target
        self.dhparams_written.emit(str(target))
        return stdout
