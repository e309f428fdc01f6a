"""Small HTTP servers for ACME tests: a static file server standing in for 4D's web server, and an ARI stub."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Callable
from pathlib import Path


class _Background:
    """A stand-in HTTP server run on a thread for the length of a `with` block (subclasses set self.server)."""

    server: http.server.ThreadingHTTPServer

    def __enter__(self):
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


class StaticServer(_Background):
    """Serves a folder (the project's WebFolder) on 127.0.0.1:port, as 4D's web server would.

    `on_challenge(name)` is called for each /.well-known/acme-challenge/ request before it is answered (tests use
    it to kill tlsgui at exactly that moment); `requests` records every path asked for.
    """

    def __init__(self, folder: Path, port: int, on_challenge: Callable[[str, Callable[[], None]], None] | None = None):
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests.append(self.path)
                if on_challenge and self.path.startswith("/.well-known/acme-challenge/"):
                    name = self.path.rsplit("/", 1)[1]
                    on_challenge(name, lambda: super(Handler, self).do_GET())
                    return
                super().do_GET()

            def log_message(self, format, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                                      functools.partial(Handler, directory=str(folder)))


class AriStub(_Background):
    """An ACME directory with `renewalInfo` (RFC 9773) answering a recorded window for any certificate ID."""

    def __init__(self, window: dict, port: int) -> None:
        self.asked: list[str] = []
        outer = self
        base = f"http://127.0.0.1:{port}"
        directory = {"newNonce": f"{base}/nonce", "newAccount": f"{base}/account", "newOrder": f"{base}/order",
                     "revokeCert": f"{base}/revoke", "keyChange": f"{base}/key", "renewalInfo": f"{base}/ari",
                     "meta": {"termsOfService": f"{base}/terms"}}

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/dir":
                    body = directory
                elif self.path.startswith("/ari/"):
                    outer.asked.append(self.path[len("/ari/"):])
                    body = window
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Retry-After", "21600")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format, *args) -> None:
                pass

        self.url = f"{base}/dir"
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
