"""Generated from ui/*.ui by packaging/build_ui.py (`make ui`); do not edit."""
