"""A stand-in for discord.com on 127.0.0.1: it refuses every token (HTTP 401), or is down.

No test talks to the internet: ``api_base`` is where discord.py's ``Route.BASE`` is pointed.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Refuse(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b'{"message": "401: Unauthorized", "code": 0}'
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the test reads the bot's output, not the server's."""


def free_port() -> int:
    """A port nothing listens on (bound, then released): connections to it are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def api_base(port: int) -> str:
    return f"http://127.0.0.1:{port}/api/v10"


@contextmanager
def refusing_discord(port: int | None = None) -> Iterator[str]:
    """Serve the 401 on ``port`` (default: any free one); yields the API base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port or 0), _Refuse)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield api_base(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
