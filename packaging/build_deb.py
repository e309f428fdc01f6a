"""Build dist/tlsgui_<version>_<arch>.deb from the PyInstaller one-folder build (`make package`)."""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "tlsgui.spec"
APP_DIR = ROOT / "dist" / "tlsgui"          # PyInstaller's one-folder output
STAGE = ROOT / "build" / "deb" / "root"     # the package's file tree, as installed under /
APP_ID = "org.tlsgui.tlsgui"
INSTALL_DIR = "opt/tlsgui"
MAINTAINER = "tlsgui developers <tlsgui@localhost>"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Inputs of the PyInstaller build: when none is newer than the build, `make package` reuses it.
BUILD_INPUTS = (ROOT / "tlsgui", SPEC, PACKAGING / "icons", ROOT / "pyproject.toml")


def say(text: str) -> None:
    print(f"build_deb: {text}", flush=True)


def run(*cmd: str | Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], check=True, text=True, **kwargs)


def read_version() -> str:
    text = (ROOT / "tlsgui" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if not match:
        sys.exit("build_deb: tlsgui/__init__.py has no __version__")
    return match.group(1)


def newest_input() -> float:
    stamps = []
    for item in BUILD_INPUTS:
        files = [item] if item.is_file() else [p for p in item.rglob("*") if "__pycache__" not in p.parts]
        stamps += [p.stat().st_mtime for p in files if p.is_file()]
    return max(stamps)


def pyinstaller(force: bool) -> None:
    exe = APP_DIR / "tlsgui"
    if not force and exe.exists() and exe.stat().st_mtime > newest_input():
        say(f"reusing the PyInstaller build in {APP_DIR.relative_to(ROOT)} (no input changed; --rebuild forces)")
        return
    say("running PyInstaller (about a minute on a busy 2-core machine)")
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", ROOT / "dist", "--workpath", ROOT / "build", SPEC, cwd=ROOT)


def fill(template: Path, version: str) -> str:
    # SOURCE_DATE_EPOCH (reproducible builds) dates the release; otherwise today.
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", datetime.datetime.now(datetime.timezone.utc).timestamp()))
    date = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).date().isoformat()
    return template.read_text(encoding="utf-8").replace("@VERSION@", version).replace("@DATE@", date)


def stage(version: str) -> None:
    if STAGE.exists():
        shutil.rmtree(STAGE)
    app = STAGE / INSTALL_DIR
    shutil.copytree(APP_DIR, app, symlinks=True)
    bin_dir = STAGE / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # A symlink: the PyInstaller bootloader resolves it, so sys.executable is /opt/tlsgui/tlsgui and the
    # `--worker` child is started from the real binary (package_test.sh proves it through this link).
    (bin_dir / "tlsgui").symlink_to(f"/{INSTALL_DIR}/tlsgui")
    share = STAGE / "usr" / "share"
    write(share / "applications" / f"{APP_ID}.desktop", (PACKAGING / "linux" / f"{APP_ID}.desktop").read_text())
    write(share / "metainfo" / f"{APP_ID}.metainfo.xml", fill(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml",
                                                             version))
    for size in HICOLOR_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "tlsgui.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PACKAGING / "icons" / f"tlsgui-{size}.png", target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / "tlsgui.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "tlsgui.svg", scalable)
    write(share / "doc" / "tlsgui" / "copyright",
          "tlsgui\nLicense: MIT\n\nThe bundled Qt (LGPL-3.0), PySide6 (LGPL-3.0), ICU, Python (PSF-2.0) and\n"
          "cryptography (Apache-2.0 or BSD-3-Clause) keep their own licenses; see their files in /opt/tlsgui.\n")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_packages(app: Path) -> tuple[set[str], str]:
    """Debian packages providing the shared libraries the bundle needs but does not ship, and the glibc floor."""
    bundled = {p.name for p in app.rglob("*.so*")}
    needed, glibc = set(), (2, 17)
    for elf in elf_files(app):
        dump = run("objdump", "-p", "-T", elf, capture_output=True).stdout
        needed.update(re.findall(r"^\s+NEEDED\s+(\S+)", dump, re.M))
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", dump):
            glibc = max(glibc, (int(major), int(minor)))
    cache = run("ldconfig", "-p", capture_output=True).stdout
    located = dict(re.findall(r"^\s+(\S+) \(libc6,x86-64[^)]*\) => (\S+)", cache, re.M))
    packages, missing = set(), []
    for soname in sorted(needed - bundled):
        path = located.get(soname)
        owner = owner_of(path) if path else None
        if owner:
            packages.add(owner)
        else:
            missing.append(soname)
    if missing:
        sys.exit(f"build_deb: no installed package provides {', '.join(missing)}; install the Qt system "
                 "libraries first (sh packaging/system-deps.sh qt)")
    packages.discard("libc6")  # declared with its version floor below
    return packages, f"{glibc[0]}.{glibc[1]}"


def owner_of(path: str) -> str | None:
    # Debian 12 is usr-merged: dpkg may know a library under /lib or under /usr/lib.
    real = os.path.realpath(path)
    for candidate in dict.fromkeys([path, real, real.replace("/usr/lib/", "/lib/", 1),
                                    real.replace("/lib/", "/usr/lib/", 1)]):
        result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def qt_runtime_list() -> list[str]:
    """The `qt` list of packaging/system-deps.sh (what PySide6 loads, fonts included), as Depends entries."""
    text = (PACKAGING / "system-deps.sh").read_text(encoding="utf-8")
    names = re.search(r'qt\) wanted="([^"]+)"', text).group(1).split()
    return [" | ".join(name.split("|")) for name in names]


def depends(app: Path) -> str:
    packages, glibc = system_packages(app)
    entries = [f"libc6 (>= {glibc})"] + qt_runtime_list()
    # A library the scan found that the list already names (alone or as an alternative) is not repeated.
    named = {alt.strip() for entry in entries for alt in entry.split("|")}
    entries += sorted(p for p in packages if p not in named)
    return ", ".join(entries)


def installed_size_kib(root: Path) -> int:
    # The way dpkg-gencontrol counts: each file rounded up to a KiB, one KiB per directory or symlink.
    total = 0
    for path in root.rglob("*"):
        if path.is_symlink() or path.is_dir():
            total += 1
        else:
            total += -(-path.stat().st_size // 1024)
    return total


def control(version: str, arch: str) -> str:
    size = installed_size_kib(STAGE)
    return (f"Package: tlsgui\nVersion: {version}\nArchitecture: {arch}\nMaintainer: {MAINTAINER}\n"
            f"Installed-Size: {size}\nDepends: {depends(STAGE / INSTALL_DIR)}\nSection: utils\n"
            "Priority: optional\n"
            "Description: set up TLS for the web, application and SQL servers of 4D projects\n"
            " tlsgui edits the TLS settings of a 4D project, creates keys, certificate requests,\n"
            " development certificates and DH parameters, installs certificates, and proves the\n"
            " result with a real TLS handshake. It has a window and a command line (tlsgui --help).\n"
            " Self-contained build (Python, Qt and PySide6 bundled) installed in /opt/tlsgui.\n")


def normalise_modes(root: Path) -> None:
    # dpkg-deb keeps modes as they are on disk; the umask of whoever built must not leak into the package.
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or os.access(path, os.X_OK):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def validate_metadata() -> None:
    share = STAGE / "usr" / "share"
    checks = [("appstreamcli", "validate", "--no-net", share / "metainfo" / f"{APP_ID}.metainfo.xml"),
              ("desktop-file-validate", share / "applications" / f"{APP_ID}.desktop")]
    for cmd in checks:
        if not shutil.which(cmd[0]):
            sys.exit(f"build_deb: {cmd[0]} is missing (apt-get install appstream desktop-file-utils)")
        result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"build_deb: {cmd[0]} refused the metadata:\n{result.stdout}{result.stderr}")
        say(f"{cmd[0]}: ok")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rebuild", action="store_true", help="run PyInstaller even if its build looks fresh")
    args = parser.parse_args()
    version = read_version()
    arch = run("dpkg", "--print-architecture", capture_output=True).stdout.strip()
    pyinstaller(args.rebuild)
    stage(version)
    validate_metadata()
    normalise_modes(STAGE)
    debian = STAGE / "DEBIAN"
    debian.mkdir(mode=0o755)
    write(debian / "control", control(version, arch))
    (debian / "control").chmod(0o644)
    deb = ROOT / "dist" / f"tlsgui_{version}_{arch}.deb"
    say(f"dpkg-deb: building {deb.relative_to(ROOT)}")
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", STAGE, deb, stdout=subprocess.DEVNULL)
    installed = int(re.search(r"^Installed-Size: (\d+)", (debian / "control").read_text(), re.M).group(1))
    say(f"built {deb.relative_to(ROOT)}: {deb.stat().st_size / 2**20:.1f} MiB download, "
        f"{installed / 1024:.1f} MiB installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
