"""Reusable widgets shared by windows, pages and the wizard."""
