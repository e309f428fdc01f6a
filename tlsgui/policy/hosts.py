"""Whether a certificate's names cover a host: the one matcher (RFC 6125), used by validation, checks and the probe."""

from __future__ import annotations

import ipaddress


def normalise(name: str) -> str:
    """The form names are compared in: IP addresses in their canonical text (`0:0::1` is `::1`, brackets
    dropped), DNS names lower-cased without the trailing dot, in ASCII (IDNA: `bücher.example` is
    `xn--bcher-kva.example`, as a client puts it in SNI and a CA writes it in the subjectAltName).
    """
    text = name.strip().rstrip(".")
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    address = ip_of(text)
    if address is not None:
        return str(address)
    text = text.lower()
    if text.isascii():
        return text
    wildcard = text.startswith("*.")
    try:
        ascii_name = text.removeprefix("*.").encode("idna").decode("ascii")
    except UnicodeError:
        return text  # not a valid IDNA name: compared as typed, so it matches nothing but itself
    return ("*." if wildcard else "") + ascii_name


def ip_of(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def covers(host: str, names) -> bool:
    """Whether subjectAltName `names` (DNS names and IP addresses as text) cover `host`.

    RFC 6125 6.4: an exact match, or a `*.` wildcard standing for exactly one left-most label; 6.2 and
    RFC 5280 4.2.1.6: an IP address matches an IP address entry only, byte for byte, never a wildcard. So
    `::ffff:127.0.0.1` (an IPv6 address) is not covered by `127.0.0.1`, as OpenSSL's X509_check_ip decides.
    """
    wanted = normalise(host)
    if not wanted:
        return False
    wanted_ip = ip_of(wanted)
    for name in names:
        san = normalise(name)
        if wanted_ip is not None:
            if ip_of(san) == wanted_ip:
                return True
            continue
        if san == wanted:
            return True
        if san.startswith("*.") and "." in wanted and wanted.split(".", 1)[1] == san[2:]:
            return True
    return False


def uncovered(hosts, names) -> list[str]:
    """The hosts that `names` do not cover, in order."""
    names = tuple(names)
    return [host for host in hosts if not covers(host, names)]
