"""Every TLS rule and every fact about 4D, written once (pure: no Qt, no `cryptography`)."""
