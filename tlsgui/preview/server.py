"""Loopback preview servers: one accept loop, TLS handshakes in a bounded thread pool with time-outs."""

from __future__ import annotations

import errno
import os
import selectors
import socket
import ssl
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import cast

from tlsgui.errors import TlsguiError
from tlsgui.preview.context import server_context
from tlsgui.preview.http import answer_http, answer_https
from tlsgui.preview.plan import PreviewPlan

HOST = "127.0.0.1"
READY_FORMAT = 1
FIRST_UNPRIVILEGED = 1024


@dataclass(frozen=True)
class Listener:
    """One bound preview listener, as written to the ready file."""

    role: str
    host: str
    port: int
    tls: bool
    configured_port: int
    note: str = ""  # why the configured port was not used

    @property
    def url(self) -> str:
        scheme = {"web_http": "http", "web_https": "https"}.get(self.role)
        return f"{scheme}://{self.host}:{self.port}/" if scheme else f"{self.host}:{self.port}"

    def as_json(self) -> dict:
        return {**asdict(self), "url": self.url}


@dataclass
class Stats:
    connections: int = 0
    handshakes: int = 0
    failed: int = 0  # handshake errors and time-outs (scanners, garbage, silent clients)
    refused: int = 0  # closed at once because every slot was busy


def _bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        # Allows a quick restart over TIME_WAIT; on Linux it never lets two listeners share a port.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


class PreviewServer:
    """The preview of one project. `start()` runs it in a thread (probe, GUI); `serve_forever()` in the caller."""

    def __init__(self, plan: PreviewPlan, *, timeout: float = 5.0, workers: int = 64, max_connections: int = 64):
        self.plan = plan
        self.timeout = timeout
        self.stats = Stats()
        self.context = server_context(plan) if plan.files else None  # file errors stop us before binding
        self.listeners: list[Listener] = []
        self._sockets: list[socket.socket] = []
        self._workers = workers
        self._slots = threading.BoundedSemaphore(max_connections)
        self._active: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_w.setblocking(False)
        self._thread: threading.Thread | None = None
        self._pool: ThreadPoolExecutor | None = None

    # -- binding ---------------------------------------------------------------------------------------
    def bind(self) -> list[Listener]:
        """Bind every listener: the configured port when free and unprivileged, else a free high port."""
        chosen: set[int] = set()
        try:
            for spec in self.plan.listeners:
                port, note = spec.configured_port, ""
                sock = None
                if port < FIRST_UNPRIVILEGED:
                    note = f"port {port} needs administrator rights"
                elif port in chosen:
                    note = f"port {port} is used by another preview listener"
                else:
                    try:
                        sock = _bind(port)
                    except OSError as exc:
                        note = f"port {port} is in use" if exc.errno == errno.EADDRINUSE else \
                            f"port {port} cannot be used ({exc.strerror})"
                if sock is None:
                    try:
                        sock = _bind(0)
                    except OSError as exc:
                        raise TlsguiError(f"Cannot listen on {HOST} ({exc.strerror or exc}).") from None
                    note += f"; using {sock.getsockname()[1]} instead"
                self._sockets.append(sock)
                chosen.add(sock.getsockname()[1])
                self.listeners.append(Listener(spec.role, HOST, sock.getsockname()[1], spec.tls,
                                               spec.configured_port, note))
        except BaseException:
            self.close()
            raise
        return self.listeners

    def ready_json(self) -> dict:
        return {"format": READY_FORMAT, "project": str(self.plan.root), "pid": os.getpid(),
                "listeners": [listener.as_json() for listener in self.listeners]}

    # -- running ---------------------------------------------------------------------------------------
    def start(self) -> "PreviewServer":
        if not self.listeners:
            self.bind()
        self._thread = threading.Thread(target=self.serve_forever, name="tlsgui-preview", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """The accept loop: it only accepts and hands off, so a stalled client never blocks it."""
        if not self.listeners:
            self.bind()
        self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="tlsgui-preview-conn")
        selector = selectors.DefaultSelector()
        try:
            for sock, listener in zip(self._sockets, self.listeners, strict=True):
                selector.register(sock, selectors.EVENT_READ, listener)
            selector.register(self._wake_r, selectors.EVENT_READ, None)
            while not self._stopping.is_set():
                for key, _events in selector.select(timeout=1.0):
                    if key.data is None:
                        self._wake_r.recv(64)
                    else:
                        self._accept(cast(socket.socket, key.fileobj), key.data)
        finally:
            selector.close()
            self._finish()

    def stop_soon(self) -> None:
        """Ask the loop to stop; safe from a signal handler or another thread."""
        self._stopping.set()
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass  # already woken or closed: the loop also polls the event every second

    def stop(self) -> None:
        self.stop_soon()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        else:
            self.close()

    def close(self) -> None:
        for sock in self._sockets:
            sock.close()
        self._sockets = []
        self._wake_r.close()
        self._wake_w.close()

    def __enter__(self) -> "PreviewServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _finish(self) -> None:
        with self._lock:
            active = list(self._active)
        for sock in active:  # wake handlers blocked in recv so shutdown does not wait for time-outs
            try:
                # The plain socket method: SSLSocket.shutdown would also drop the TLS object under the handler.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self.close()

    def _accept(self, listening: socket.socket, listener: Listener) -> None:
        try:
            conn, _address = listening.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return
        except OSError:
            return  # e.g. out of file descriptors: the client sees a reset; the loop goes on
        self.stats.connections += 1
        if not self._slots.acquire(blocking=False):
            self.stats.refused += 1
            conn.close()
            return
        conn.setblocking(True)
        conn.settimeout(self.timeout)
        with self._lock:
            self._active.add(conn)
        assert self._pool is not None  # start() made it before the accept loop runs
        try:
            self._pool.submit(self._handle, conn, listener)
        except RuntimeError:  # the pool is shutting down
            self._release(conn)

    def _count(self, name: str) -> None:
        with self._lock:
            setattr(self.stats, name, getattr(self.stats, name) + 1)

    def _release(self, conn: socket.socket) -> None:
        with self._lock:
            self._active.discard(conn)
        try:
            conn.close()
        except OSError:
            pass
        self._slots.release()

    def _handle(self, conn: socket.socket, listener: Listener) -> None:
        stream = conn
        try:
            if listener.tls:
                assert self.context is not None  # a TLS listener exists only with files loaded
                # wrap_socket moves the descriptor to a new object: track that one so stop() can wake it.
                stream = self.context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
                with self._lock:
                    self._active.discard(conn)
                    self._active.add(stream)
                try:
                    stream.do_handshake()
                except (ssl.SSLError, OSError, ValueError):
                    self._count("failed")
                    return
                self._count("handshakes")
            self._serve(stream, listener)
        except (ssl.SSLError, OSError, ValueError):
            pass  # the client went away or timed out after the handshake: nothing to report
        finally:
            self._release(stream)

    def _serve(self, stream: socket.socket, listener: Listener) -> None:
        settings = self.plan.settings
        if listener.role == "web_http":
            https = next((item for item in self.listeners if item.role == "web_https"), None)
            answer_http(stream, https.port if https else None, self.plan.name)
        elif listener.role == "web_https":
            answer_https(stream, settings.web_hsts_max_age if settings.web_hsts_enabled else None, self.plan.name)
        else:
            # 4D's client-server and SQL protocols are not spoken here: the handshake is the test.
            # Wait (bounded) for the client to close so it can read the session tickets first.
            stream.recv(1)
