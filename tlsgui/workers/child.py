"""The command line that starts a `tlsgui --worker NAME` child (one definition, in tlsgui.project.child_argv)."""

from tlsgui.project.child_argv import worker_command

__all__ = ["worker_command"]
