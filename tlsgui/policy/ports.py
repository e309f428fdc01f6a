"""Which ports the enabled 4D servers listen on, including the application server's two extra ports."""

from __future__ import annotations

from tlsgui.model.options import BY_KEY

#: 4D Server also uses the application port + 1 (DB4D server) and + 2 (remote debugger)
#: (4D doc Settings/client-server.md, "Port Number"; the option's help text says so too).
CLIENT_SERVER_EXTRA = ((1, "DB4D"), (2, "debugger"))
#: How many consecutive ports each server role takes, starting at its configured one.
PORT_SPAN = {"client_server": 1 + len(CLIENT_SERVER_EXTRA)}
#: The setting key of each server role's port.
PORT_KEYS = {"web_http": "web.http_port", "web_https": "web.https_port",
             "client_server": "client_server.port", "sql": "sql.port"}


def effective_port(settings, key: str) -> int:
    return BY_KEY[key].effective_port(settings.get(key))


def listening_ports(settings) -> list[tuple[str, str, int]]:
    """(key, what, port) of every port the enabled servers listen on (validation's view: the client-server
    port is always in use, SQL when it starts or uses TLS)."""
    out = []
    if settings.web_http_enabled:
        out.append(("web.http_port", "HTTP", effective_port(settings, "web.http_port")))
    if settings.web_https_enabled:
        out.append(("web.https_port", "HTTPS", settings.web_https_port))
    cs = effective_port(settings, "client_server.port")
    out.append(("client_server.port", "client-server", cs))
    out += [("client_server.port", f"client-server (port + {offset}, {what})", cs + offset)
            for offset, what in CLIENT_SERVER_EXTRA]
    if settings.sql_launch_at_startup or settings.sql_tls_enabled:
        out.append(("sql.port", "SQL", effective_port(settings, "sql.port")))
    return out
