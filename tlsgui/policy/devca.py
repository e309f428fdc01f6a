"""The rules of the local development CA: which names count as development names, and lifetimes."""

from __future__ import annotations

import ipaddress

# DNS names no public CA can be asked for, so a CA limited to them cannot impersonate a public site:
#   localhost  RFC 6761 section 6.3 (and every name below it: RFC 6761 6.3, draft-west-let-localhost-be-localhost)
#   test       RFC 6761 section 6.2 (reserved for testing)
#   local      RFC 6762 section 3 (multicast DNS, link-local names)
#   internal   ICANN board resolution 2024.07.29.06 (reserved for private use, never delegated)
# Each suffix also permits the bare name, e.g. "localhost" itself.
DEVELOPMENT_DNS_SUFFIXES = ("localhost", "test", "local", "internal")

# Addresses that are not routed on the Internet:
#   127.0.0.0/8, ::1   loopback (RFC 1122 section 3.2.1.3, RFC 4291 section 2.5.3)
#   10/8, 172.16/12, 192.168/16   private IPv4 (RFC 1918 section 3)
#   fc00::/7           unique local IPv6 (RFC 4193)
DEVELOPMENT_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7"))

# Leaves are short-lived so that a copied key.pem is useful for weeks, not years; renewing is one click.
# (90 days is also what Let's Encrypt issues and what the CA/Browser Forum moves towards, ballot SC-081.)
MAX_LEAF_DAYS = 90
DEFAULT_LEAF_DAYS = 90
# The CA itself: ten years, as mkcert's; the name constraints, not the lifetime, are what limit a stolen key.
CA_DAYS = 3650
# pathLenConstraint 0: the CA signs leaves only, never another CA (RFC 5280 section 4.2.1.9).
CA_PATH_LENGTH = 0
DEFAULT_CA_NAME = "tlsgui development CA"


def why_not_development(name: str) -> str | None:
    """None when `name` (a DNS name, a wildcard or an IP address) is a development name; else the reason."""
    text = name.strip().lower().rstrip(".")
    try:
        address = ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        address = None
    if address is not None:
        if any(address.version == net.version and address in net for net in DEVELOPMENT_NETWORKS):
            return None
        return (f"{name} is not a loopback or private address; the development CA only signs those "
                f"({', '.join(str(n) for n in DEVELOPMENT_NETWORKS)}).")
    base = text[2:] if text.startswith("*.") else text
    last = base.rsplit(".", 1)[-1]
    if last in DEVELOPMENT_DNS_SUFFIXES:
        return None
    return (f"{name} is a public name (it ends in .{last}); the development CA only signs development names "
            f"({', '.join(DEVELOPMENT_DNS_SUFFIXES[:1] + tuple('.' + s for s in DEVELOPMENT_DNS_SUFFIXES))}), "
            "so that even a stolen CA key cannot impersonate a real site.")


def is_development_name(name: str) -> bool:
    return why_not_development(name) is None


def leaf_days_problem(days: int) -> str | None:
    """None when `days` is an allowed leaf lifetime; else the words."""
    if 1 <= days <= MAX_LEAF_DAYS:
        return None
    return f"{days} days is out of range for a certificate from the development CA (1 to {MAX_LEAF_DAYS} days)."
