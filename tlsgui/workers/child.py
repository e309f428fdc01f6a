"""The command line that starts a `tlsgui --worker NAME` child (one definition, in tlsgui.worker)."""

from tlsgui.worker import worker_command

__all__ = ["worker_command"]
