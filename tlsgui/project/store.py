"""Load a 4D project's effective TLS settings with their sources, and save edits back safely."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tlsgui.errors import ConflictError, SettingsFileError, TlsguiError
from tlsgui.model.options import ALLOW_USER_SETTINGS, BY_KEY, OPTIONS, Option, Storage, XmlPath
from tlsgui.model.settings import Settings, Source, Sourced
from tlsgui.project.atomic import check_writable
from tlsgui.project.locate import ProjectPaths, find_project_root
from tlsgui.project.method_file import render_method
from tlsgui.project.settings_file import SettingsFile, new_settings_file, read_settings_file
from tlsgui.project.sidecar import MAX_SIZE as SIDECAR_MAX
from tlsgui.project.sidecar import Sidecar, parse_sidecar
from tlsgui.project.version import ProjectVersion, effective_version, read_version_hint
from tlsgui.safe_read import read_regular


@dataclass(frozen=True)
class SaveResult:
    """The files written (empty when there was nothing to save) and the backup taken first, if any."""

    written: tuple[Path, ...]
    backup_id: str | None = None


def _digest(path: Path) -> bytes | str | None:
    """What the file holds now: its bytes (None: no file; "unreadable").

    The bytes themselves, not a hash of them: settings files are a few KB, a byte comparison is exact, and
    opening a project then needs no hashing module (hashlib loads OpenSSL: ~4 ms of start-up).
    """
    from tlsgui.project.settings_file import MAX_SIZE
    from tlsgui.safe_read import read_regular

    try:
        return read_regular(path, MAX_SIZE)
    except FileNotFoundError:
        return None
    except (OSError, TlsguiError):
        return "unreadable"


@dataclass
class Project:
    """One loaded project: effective settings, where each came from, and what the disk looked like."""

    paths: ProjectPaths
    settings: Settings
    sources: dict[str, Sourced]
    files: dict[Source, SettingsFile] = field(default_factory=dict)  # the XML files that exist
    sidecar: Sidecar | None = None
    error: TlsguiError | None = None  # set: a file could not be read; the project is read-only
    fingerprints: dict[Path, bytes | str | None] = field(default_factory=dict)  # see _digest
    notices: list[str] = field(default_factory=list)
    version_hint: ProjectVersion = field(default_factory=lambda: ProjectVersion(None, "unknown"))
    remote_web: dict[str, Sourced] = field(default_factory=dict)  # REMOTE_WEB attribute -> value read, read-only

    @property
    def version(self) -> ProjectVersion:
        """Which 4D runs the project: the tlsgui setting project.4d_version, else the .4DProject's hint."""
        return effective_version(self.version_hint, self.settings.project_4d_version)

    @property
    def read_only(self) -> bool:
        return self.error is not None

    @property
    def user_settings_enabled(self) -> bool:
        structure = self.files.get(Source.STRUCTURE)
        return structure is not None and structure.get(ALLOW_USER_SETTINGS)[0] == "true"

    def changed_on_disk(self) -> list[Path]:
        """Files that differ from what was loaded (written by 4D or another program meanwhile)."""
        return [path for path, digest in self.fingerprints.items() if _digest(path) != digest]


def _typed(option: Option, raw: str, sf: SettingsFile, line: int | None) -> Any:
    where = f"{sf.path}, line {line}" if line else str(sf.path)
    assert option.xml is not None  # only XML options are read from a settings file
    attr = option.xml.attribute
    if option.type is bool:
        if raw not in ("true", "false"):
            raise SettingsFileError(
                f'{attr}="{raw}" is not a boolean ({option.key}).', where=where,
                fix='4D writes "true" or "false".',
            )
        return raw == "true"
    if option.type is int:
        try:
            return option.check(int(raw.strip(), 10))
        except (ValueError, TlsguiError):
            raise SettingsFileError(
                f'{attr}="{raw}" is not a valid value for {option.label} ({option.key}).', where=where,
                fix=option.range_hint(),
            ) from None
    return raw


def _xml_values(sf: SettingsFile) -> dict[str, Any]:
    values = {}
    for option in OPTIONS:
        if option.xml is None:
            continue
        raw, line = sf.get(option.xml)
        if raw is not None:
            values[option.key] = _typed(option, raw, sf, line)
    return values


def _ambiguities(sf: SettingsFile) -> list[str]:
    """Words for elements that repeat on a path tlsgui reads (4D writes each once)."""
    notes = []
    for element in dict.fromkeys(o.xml.element for o in OPTIONS if o.xml is not None):
        lines = sf.duplicates(element)
        if lines:
            notes.append(f"{sf.path}: lines {', '.join(map(str, lines))} repeat an element of com.4d/{element}; "
                         "tlsgui shows the first one's values and will not edit them until only one is left.")
    return notes


# The web server of 4D in remote mode has its own section (seen in real files: allow_ssl); 4D's Settings dialog
# shows it on the Web page of a remote 4D. tlsgui shows it, read-only: its certificate lives on each remote
# machine (https://developer.4d.com/docs/Admin/tls#installing-certificate-files).
REMOTE_WEB_ELEMENT = "web/remote/configuration"
REMOTE_WEB = {"allow_ssl": "Enable HTTPS", "https_port_number": "HTTPS Port", "allowHttp": "Enable HTTP",
              "port_number": "HTTP Port"}


_XML_ORDER = (Source.STRUCTURE, Source.USER, Source.USER_DATA)  # lowest precedence first


def _xml_path(paths: ProjectPaths, source: Source) -> Path:
    return {
        Source.STRUCTURE: paths.structure_settings,
        Source.USER: paths.user_settings,
        Source.USER_DATA: paths.user_data_settings,
    }[source]


def load_project(path: str | Path) -> Project:
    """Read every settings file of the project at (or above) `path`.

    A file that cannot be parsed does not stop the load: its values fall back to lower-precedence
    ones and `Project.error` explains why the project is read-only.
    """
    paths = ProjectPaths(find_project_root(path))
    sources: dict[str, Sourced] = {o.key: Sourced(o.default, Source.DEFAULT) for o in OPTIONS}
    project = Project(paths, Settings(), sources)
    if (paths.state_dir / "journal.json").exists() or (paths.state_dir / "tmp").exists():
        # A tlsgui was killed while writing: finish (or undo) its change before reading anything.
        from tlsgui.project.transaction import recover

        project.notices.extend(recover(paths))
    tracked = [_xml_path(paths, s) for s in _XML_ORDER] + [paths.sidecar, paths.method_file, paths.http_rules]
    project.fingerprints = {p: _digest(p) for p in tracked}
    for source in _XML_ORDER:
        file_path = _xml_path(paths, source)
        if source is not Source.STRUCTURE and not project.user_settings_enabled:
            if file_path.exists():
                project.notices.append(
                    f"{file_path} is ignored: user settings are not enabled in the structure settings."
                )
            continue
        try:
            sf = read_settings_file(file_path)
            values = _xml_values(sf)
        except FileNotFoundError:
            continue
        except SettingsFileError as exc:
            project.error = project.error or exc
            continue
        project.files[source] = sf
        project.notices.extend(_ambiguities(sf))
        for attribute in REMOTE_WEB:
            raw, _line = sf.get(XmlPath(REMOTE_WEB_ELEMENT, attribute))
            if raw is not None:
                project.remote_web[attribute] = Sourced(raw, source, str(file_path))
        for key, value in values.items():
            sources[key] = Sourced(value, source, str(file_path))
    try:
        project.sidecar = parse_sidecar(read_regular(paths.sidecar, SIDECAR_MAX, "tlsgui settings file"),
                                        paths.sidecar)
    except FileNotFoundError:
        pass
    except SettingsFileError as exc:
        project.error = project.error or exc
    except TlsguiError as exc:
        project.error = project.error or SettingsFileError(exc.message, where=exc.where, fix=exc.fix)
    except OSError as exc:
        project.error = project.error or SettingsFileError(f"Cannot read the file ({exc}).",
                                                           where=str(paths.sidecar))
    if project.sidecar:
        if project.sidecar.migrated_from is not None:
            project.notices.append(
                f"{paths.sidecar} is in format {project.sidecar.migrated_from}; it is upgraded when saved."
            )
        for key, value in project.sidecar.values.items():
            sources[key] = Sourced(value, Source.SIDECAR, str(paths.sidecar))
    project.version_hint = read_version_hint(paths.project_file)
    if sources["tls.min_version"].source is Source.DEFAULT:
        # Not set anywhere: 4D's own default for the release that runs the project (1.3 from 4D 20).
        from tlsgui.policy.versions import default_min_tls

        release = effective_version(project.version_hint, sources["project.4d_version"].value).effective
        sources["tls.min_version"] = Sourced(default_min_tls(release), Source.DEFAULT)
    project.settings = Settings(**{o.key.replace(".", "_"): sources[o.key].value for o in OPTIONS})
    if project.version_hint.notice and not project.settings.project_4d_version:
        project.notices.append(project.version_hint.notice)
    if paths.http_rules.exists():
        _read_hsts_rule(project, sources)
        project.settings = Settings(**{o.key.replace(".", "_"): sources[o.key].value for o in OPTIONS})
    return project


def _read_hsts_rule(project: Project, sources: dict[str, Sourced]) -> None:
    """On 4D 21+, HSTS set in HTTPRules.json (by hand or by tlsgui) is what 4D sends: it wins over the sidecar.

    An unreadable file is reported: 4D 21 cannot use it either, and tlsgui never overwrites it.
    """
    from tlsgui.policy.versions import holds
    from tlsgui.project.http_rules import hsts_in_rules, read_rules

    path = project.paths.http_rules
    try:
        rules, _data = read_rules(path)
    except SettingsFileError as exc:
        project.notices.append(str(exc))
        return
    if rules is None or not holds("http_rules_file", project.version.effective):
        return
    age = hsts_in_rules(rules)
    if age is None:
        if sources["web.hsts_enabled"].value:
            project.notices.append(f"{path} has no Strict-Transport-Security rule for all URLs although HSTS is on "
                                   "in tls-settings.json: 4D sends no HSTS header until tlsgui saves HSTS again.")
        return
    sources["web.hsts_enabled"] = Sourced(True, Source.HTTP_RULES, str(path))
    try:
        sources["web.hsts_max_age"] = Sourced(BY_KEY["web.hsts_max_age"].check(age), Source.HTTP_RULES, str(path))
    except TlsguiError:
        project.notices.append(f"{path}: max-age={age} is out of range; tlsgui shows the stored value instead.")


def _format(option: Option, value: Any) -> str:
    return ("true" if value else "false") if option.type is bool else str(value)


def save_project(project: Project, settings: Settings, *, force: bool = False, check_only: bool = False) -> SaveResult:
    """Write the edits between `project.settings` and `settings`; nothing at all when there are none.

    An edited XML value goes to the file it was read from when that is a user settings file (so the
    edit takes effect), otherwise to the structure settings. Files changed on disk since the load are
    never overwritten unless `force` is given. On success `project` reflects the saved state.
    """
    # Loaded at the first save, not when a project opens: backups and the transaction journal bring
    # shutil, threading and datetime (4-5 ms of the window's start-up; docs/benchmarks.md "Start-up").
    from tlsgui.project.backups import write_with_backup
    from tlsgui.project.http_rules import hsts_rules_output
    from tlsgui.project.transaction import project_lock

    if project.read_only:
        raise TlsguiError(
            "The project is open read-only because a settings file could not be read; nothing was saved.",
            where=project.error.where if project.error else "", fix=project.error.fix if project.error else "",
        )
    edited = settings.changed_keys(project.settings)
    if not edited:
        return SaveResult(())
    if "project.4d_version" in edited and "tls.min_version" not in edited \
            and project.sources["tls.min_version"].source is Source.DEFAULT:
        # Not set anywhere: it is 4D's default, which is the new release's (the method must not set the old one).
        from tlsgui.policy.versions import default_min_tls

        release = effective_version(project.version_hint, settings.project_4d_version).effective
        settings = settings.replace(**{"tls.min_version": default_min_tls(release)})
    paths = project.paths
    outputs: dict[Path, bytes] = {}
    xml_edits: dict[Source, list[str]] = {}
    new_files: dict[Source, SettingsFile] = {}
    for key in edited:
        option = BY_KEY[key]
        if option.storage is Storage.XML:
            source = project.sources[key].source
            target: Source = source if source in (Source.USER, Source.USER_DATA) else Source.STRUCTURE
            xml_edits.setdefault(target, []).append(key)
    for target, keys in xml_edits.items():
        path = _xml_path(paths, target)
        loaded = project.files.get(target)
        # A copy, so a refused save leaves the loaded tree as it was. A file that did not exist at
        # load starts in 4D's shape; if it appeared since, the conflict check below refuses.
        sf = copy.deepcopy(loaded) if loaded else new_settings_file(path)
        changed = False
        for key in keys:
            option = BY_KEY[key]
            assert option.xml is not None  # xml_edits holds XML options only
            # A value set back to what an absent attribute means drops what tlsgui inserted (see SettingsFile).
            changed |= sf.set(option.xml, _format(option, settings.get(key)),
                              absent_means=_format(option, option.default))
        if changed:
            sf.bump_stamp()
            outputs[path] = sf.to_bytes()
            new_files[target] = sf
    if any(BY_KEY[k].storage is Storage.SIDECAR for k in edited):
        sidecar = copy.deepcopy(project.sidecar) if project.sidecar else Sidecar(paths.sidecar)
        for option in OPTIONS:
            # Only what was edited or is stored already: a value left at 4D's default stays unstored, so it keeps
            # following the default of the release that runs the project (TLS 1.3 from 4D 20).
            if option.storage is Storage.SIDECAR and (option.key in edited or option.key in sidecar.values):
                sidecar.values[option.key] = settings.get(option.key)
        outputs[paths.sidecar] = sidecar.to_bytes()
        release = effective_version(project.version_hint, settings.project_4d_version).effective
        outputs[paths.method_file] = render_method(settings, release).encode("utf-8")
        rules = hsts_rules_output(paths, settings, release, edited)
        if rules is not None:
            outputs[paths.http_rules] = rules
    for path in outputs:
        check_writable(path)
    if check_only:  # every refusal that needs no lock has been raised; nothing was written
        return SaveResult(tuple(outputs))
    # The lock serialises writers (two `settings set` at once lost an edit: D5), and the conflict check runs
    # under it, so no other tlsgui can write between the check and the write. The files are one transaction.
    with project_lock(paths):
        if not force:
            conflicts = [p for p in outputs if project.fingerprints.get(p, _digest(p)) != _digest(p)]
            if conflicts:
                raise ConflictError(
                    "The file was changed on disk by another program since it was opened; nothing was saved.",
                    where=", ".join(str(p) for p in conflicts),
                    fix="Reload the project to see the other changes, or save again with force to overwrite "
                        "them.",
                )
        backup = write_with_backup(paths, [(path, data, None) for path, data in outputs.items()],
                                   "before saving settings")
    for path, data in outputs.items():
        project.fingerprints[path] = data
    project.files.update(new_files)
    if paths.sidecar in outputs:
        project.sidecar = sidecar
    for key in edited:
        option = BY_KEY[key]
        if option.storage is Storage.SIDECAR:
            project.sources[key] = Sourced(settings.get(key), Source.SIDECAR, str(paths.sidecar))
        else:
            target = next(t for t, keys in xml_edits.items() if key in keys)
            project.sources[key] = Sourced(settings.get(key), target, str(_xml_path(paths, target)))
    project.settings = settings
    return SaveResult(tuple(outputs), backup.id if backup else None)

