"""A real SMTP server on 127.0.0.1 for the mail tests (a helper, not a test module): aiosmtpd in a thread of its
own, keeping every message it accepts, and, when asked, offering STARTTLS with a certificate of a throw-away
authority (trustme) and a login."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "ada@example.org", "correct horse battery staple"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    tls: bool  # the message came over an encrypted connection
    authenticated: bool


@dataclass
class Inbox:
    """aiosmtpd's handler: what the server accepted. A recipient whose address starts with "nobody" is refused."""

    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address.startswith("nobody"):
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content or envelope.content)
        assert isinstance(message, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message,
                                      session.ssl is not None, bool(session.authenticated)))
        return "250 Message accepted"


def _login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and data.login == USER.encode() and data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)  # aiosmtpd answers 235 or 535 itself


@dataclass
class Server:
    port: int
    inbox: Inbox
    ca_file: Path | None  # the authority to trust for STARTTLS (SSL_CERT_FILE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def smtp_server(folder: Path, *, starttls: bool = False, login: bool = False) -> Iterator[Server]:
    """A server on 127.0.0.1 while the block runs; with `starttls`, offering it with a certificate for 127.0.0.1;
    with `login`, accepting USER and PASSWORD (only over TLS, as aiosmtpd requires by default)."""
    inbox = Inbox()
    kwargs: dict[str, Any] = {}
    ca_file = None
    if starttls:
        authority = trustme.CA()
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        authority.issue_cert("127.0.0.1").configure_cert(context)
        ca_file = folder / "test-ca.pem"
        authority.cert_pem.write_to_path(str(ca_file))
        kwargs["tls_context"] = context
    if login:
        kwargs["authenticator"] = _login
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    try:
        yield Server(controller.port, inbox, ca_file)
    finally:
        controller.stop()
