"""The renewal state of a project in words, read from .tlsgui/acme/ and the timer files (no network)."""

from __future__ import annotations

from datetime import datetime

from tlsgui.acme import timers
from tlsgui.policy.acme import PRESETS, renewal_due_at
from tlsgui.project.acme_store import AcmeStore
from tlsgui.project.locate import ProjectPaths


def timer_installed(paths: ProjectPaths) -> bool:
    name = timers.unit_name(paths)
    return any(p.is_file() for p in (timers._systemd_folder() / f"{name}.timer",
                                     timers._launchd_folder() / f"org.tlsgui.{name}.plist",
                                     paths.state_dir / "acme" / f"{name}.xml"))


def last_log_line(store: AcmeStore) -> str:
    try:
        lines = store.log_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    return lines[-1] if lines else ""


def renewal_words(paths: ProjectPaths, not_before: datetime | None, not_after: datetime | None) -> str:
    """'ACME (Let's Encrypt): renews from …; timer installed; last run …' or why there is none."""
    store = AcmeStore(paths)
    try:
        settings = store.read_settings()
    except Exception:
        return "ACME state unreadable (.tlsgui/acme/order.json)"
    if settings is None:
        return "not from ACME (the wizard's \"Get a free certificate\" renews automatically)"
    ca = next((p.label for p in PRESETS.values() if p.directory == settings.directory), settings.directory)
    parts = [f"ACME ({ca})"]
    if not_before is not None and not_after is not None:
        parts.append(f"due for renewal from {renewal_due_at(not_before, not_after):%Y-%m-%d %H:%M} UTC "
                     "(or the CA's ARI window)")
    parts.append("timer installed" if timer_installed(paths) else "no timer (tlsgui renew PROJECT --install-timer)")
    last = last_log_line(store)
    if last:
        parts.append(f"last run: {last}")
    return "; ".join(parts)

