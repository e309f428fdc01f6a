"""Preview servers and the handshake probe: prove that the project's TLS files and settings work."""
