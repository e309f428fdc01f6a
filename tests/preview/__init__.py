"""Tests of the preview servers, the handshake probe and their CLI commands."""
