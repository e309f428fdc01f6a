"""Since which 4D release each TLS fact holds, with the doc page it comes from: the one table of version facts."""

from __future__ import annotations

from typing import NamedTuple

from tlsgui.model.release import Release

DOCS = "https://developer.4d.com/docs"


class Fact(NamedTuple):
    """Something 4D does from release `since` on (until `until`, excluded, when it stopped)."""

    since: Release
    text: str  # what holds, in words for a 4D developer
    source: str  # the page that says so
    until: Release | None = None


# Read these pages before changing a line; each fact names the page (and its version) that states it.
FACTS: dict[str, Fact] = {
    # "Default key.pem and cert.pem files are provided with 4D. For a higher level of security, we strongly
    # recommend that you replace these files with your own certificates." (v19 and v20 pages; the 20 R4+
    # page no longer has the sentence and says nothing else about a server without its own files).
    "builtin_certificate": Fact(
        Release(19), "4D ships default key.pem and cert.pem files, shared by every 4D installation and trusted "
                     "by no browser; 4D uses them when the project has none",
        f"{DOCS}/19/Admin/tls#keypem-and-certpem-files"),
    # The v19 page: key.pem and cert.pem "next to the project folder" for every server. The v20 page: "With
    # the application server … in the Resources folder of the 4D Server application" (a later revision of
    # the page adds "and in the Resources folder on each remote 4D application"); "With the SQL server … next
    # to the project folder". From 20 R4 the application server needs no files (below).
    "app_server_files_in_resources": Fact(
        Release(20), "the application server reads key.pem and cert.pem from the Resources folder of the 4D "
                     "Server application (and of each remote 4D)",
        f"{DOCS}/20/Admin/tls#with-the-application-server-client-server-desktop-applications",
        until=Release(20, 4)),
    # 20 R4 release notes: "Client/server and SQL server TLS connections are now configured dynamically (no
    # certificate files are required)"; Admin/tls.md "Enabling TLS with the other servers".
    "cs_sql_tls_without_files": Fact(
        Release(20, 4), "client-server and SQL TLS are configured dynamically at start-up: no certificate files "
                        "are needed",
        f"{DOCS}/20-R4/Notes/updates#4d-20-r4"),
    # 20 R4 release notes: "Support of ECDSA encryption format for TLS certificates"; Admin/tls.md#encryption:
    # "The ECDSA encryption format is not supported by the 4D legacy network layer".
    "ecdsa_certificates": Fact(
        Release(20, 4), "ECDSA certificates are supported (not with the legacy network layer)",
        f"{DOCS}/20-R4/Admin/tls#encryption"),
    # 20 R4 behaviour changes: "the default SSL/TLS security level has been changed from 1 to 2. RSA, DSA and
    # DH keys of 1024 bits and above and less than 2048 bits … are now no longer allowed".
    "openssl_security_level_2": Fact(
        Release(20, 4), "OpenSSL security level 2: RSA, DSA and DH keys under 2048 bits are refused",
        f"{DOCS}/20-R4/Notes/updates#behavior-changes"),
    # KB 79977 (4D, 2026): "Since 4D 20, the default minimum TLS 4D allows is TLS 1.3." The 20 R6 and later
    # Admin/tls.md pages say the same ("… accepted by the 4D servers is TLS 1.3"); v19's says TLS 1.2.
    "min_tls_1_3_default": Fact(
        Release(20), "the servers accept TLS 1.3 and later by default (Min TLS version)",
        "https://kb.4d.com/assetid=79977"),
    # 4D 21 release notes: "Web Server: new HTTP rules to customize HTTP response headers"; http-rules.md:
    # Project/Sources/HTTPRules.json, loaded when the main web server starts (scalable sessions or no
    # sessions only).
    "http_rules_file": Fact(
        Release(21), "the main web server applies the rules of Project/Sources/HTTPRules.json, such as a "
                     "Strict-Transport-Security header",
        f"{DOCS}/21/WebServer/http-rules"),
}

# When neither the user nor the project file says which 4D runs the project, tlsgui assumes the oldest
# release it knows: a fact that arrived later (files not needed, TLS 1.3 by default) is then never taken for
# granted, and every message that depends on it says it assumed 19.
ASSUMED = Release(19)
# The releases a person can choose from (4D ships an LTS, then feature releases R2 … up to the next LTS;
# 20 R10 preceded 21). Any other valid name can still be typed in the CLI or the sidecar.
RELEASES = (Release(19), *(Release(19, n) for n in range(2, 9)), Release(20), *(Release(20, n) for n in range(2, 11)),
            Release(21), Release(21, 2), Release(21, 3), Release(21, 4))


def holds(name: str, release: Release) -> bool:
    fact = FACTS[name]
    return release >= fact.since and (fact.until is None or release < fact.until)


def source(name: str) -> str:
    return FACTS[name].source


def default_min_tls(release: Release) -> str:
    """The minimum TLS version the 4D servers accept when nothing sets one."""
    return "1.3" if holds("min_tls_1_3_default", release) else "1.2"


def default_min_tls_label(release: Release) -> str:
    """Words for the pages: "4D 21 default: TLS 1.3"."""
    return f"4D {release} default: TLS {default_min_tls(release)}"


def release_from_compatibility(value: object) -> Release | None:
    """Read the .4DProject's compatibilityVersion: 1830 is 18 R3, 2050 is 20 R5, 2130 is 21 R3, 2000 is 20.

    4D does not document this key; the corpus of real projects (tests/data/corpus) has 1830 … 2130. A last
    digit other than 0 (1902, 2001) is read as a bug-fix release of the LTS line (19.2, 20.1), whose TLS
    behaviour is the LTS's. Anything else (a string such as "20A0", a number of another shape) is None.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    major, minor = divmod(value, 100)
    if not 17 <= major <= 30:
        return None
    return Release(major, minor // 10) if minor % 10 == 0 else Release(major, 0)


class Installed(NamedTuple):
    """Where one server reads its own key.pem and cert.pem, for one 4D release."""

    server: str
    needs_files: bool  # False: the server works without its own files (4D makes or ships what it needs)
    where: str
    source: str


def install_locations(release: Release) -> tuple[Installed, ...]:
    """Where each server reads key.pem/cert.pem (Admin/tls.md of that release); tlsgui installs next to the
    project folder (or the web certificate folder) and says where the others go."""
    web = Installed("web", True, "next to the project folder (or the web certificate folder); with 4D in remote "
                                 "mode, in the client database folder of each remote machine",
                    f"{DOCS}/Admin/tls#installing-certificate-files")
    if holds("cs_sql_tls_without_files", release):
        return (web,
                Installed("client_server", False, "not needed: 4D configures TLS at start-up",
                          source("cs_sql_tls_without_files")),
                Installed("sql", False, "not needed: 4D configures TLS at start-up", source("cs_sql_tls_without_files")))
    if holds("app_server_files_in_resources", release):
        return (web,
                Installed("client_server", True, "in the Resources folder of the 4D Server application (and of "
                                                 "each remote 4D)", source("app_server_files_in_resources")),
                Installed("sql", True, "next to the project folder", source("app_server_files_in_resources")))
    v19 = f"{DOCS}/19/Admin/tls#keypem-and-certpem-files"
    return (web, Installed("client_server", True, "next to the project folder", v19),
            Installed("sql", True, "next to the project folder", v19))

def certificate_words(release: Release, server: str) -> str:
    """For a page: where this server's key.pem/cert.pem go on this release, e.g. "4D 21: not needed: …"."""
    found = next(item for item in install_locations(release) if item.server == server)
    return f"4D {release}: key.pem and cert.pem {'go ' if found.needs_files else ''}{found.where}."
