"""Reusable widgets: diagnostics panel, cipher list editor, HSTS max age, banner, prompts, job progress."""
