"""WizardPage: a QWizardPage built from a compiled .ui form, sharing the wizard's context."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizardPage

from tlsgui.wizard.context import WizardContext

#: Labels in the wizard's forms that say what is wrong (error) or what to mind (warning).
STATUS_LABELS = {"source_error": "error", "subject_error": "error", "review_error": "error",
                 "blocked_label": "error", "warnings_label": "warning"}


class WizardPage(QWizardPage):
    """Subclasses set `form_class` (from tlsgui.forms) and `page_id`, and fill `setup()`.

    The last page of a path overrides `finish()`: the only place a wizard writes into the project.
    """

    form_class: type | None = None
    page_id: int = -1

    def __init__(self, context: WizardContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        if self.form_class is not None:
            self.ui = self.form_class()
            self.ui.setupUi(self)
            self._style_messages()
        self.setup()

    def _style_messages(self) -> None:
        """Error and warning labels get their colour from the palette (readable in a dark one too)."""
        from tlsgui.widgets import colours

        for name, kind in STATUS_LABELS.items():
            label = getattr(self.ui, name, None)
            if label is not None:
                label.setStyleSheet(colours.css(kind))

    @property
    def document(self):
        return self.context.document

    def setup(self) -> None:
        """Connect widgets and register fields (`registerField("name*", widget)` for required ones)."""

    def is_final(self) -> bool:
        """True on the page whose Finish writes files (the wizard then calls `finish`)."""
        return self.nextId() == -1

    def finish(self) -> list[Path]:
        """Write what this path produced; return the files written. Raise TlsguiError to stay open."""
        return []
