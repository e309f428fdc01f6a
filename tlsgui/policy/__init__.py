"""The TLS policy: every rule about TLS and 4D written once, as data, with where it comes from."""
