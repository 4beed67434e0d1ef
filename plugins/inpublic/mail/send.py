"""Sending the messages through the learner's SMTP server (the emit stage, with the standard library's smtplib).

The server is named by SMTP_HOST, SMTP_PORT (587 unless set; 465 is TLS from the first byte), SMTP_USER and
SMTP_PASSWORD. On any other port the connection is upgraded with STARTTLS whenever the server offers it, with the
system's certificates (SSL_CERT_FILE names others); the password is never sent over a connection that is not
encrypted. Every copy goes through one connection, one recipient each. What the server or the network says goes
wrong is one `MailError` line, never a traceback.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage

from inpublic.mail.addresses import masked

DEFAULT_PORT = 587  # submission, with STARTTLS
TLS_PORT = 465  # submission over TLS from the start (RFC 8314)
LOGINS = ("PLAIN", "LOGIN")  # the login methods inpublic makes, preferred first (always over TLS)
TIMEOUT = 60  # seconds a silent server is waited for


@dataclass
class Delivery:
    """Who got a copy, and who did not and why (masked addresses: a workflow's log may be public)."""

    delivered: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "me…@example.org: what the server said"


class MailError(Exception):
    """Why nothing (more) could be sent, in one line; `delivery`: the copies that went before it went wrong."""

    def __init__(self, message: str, delivery: Delivery | None = None) -> None:
        super().__init__(message)
        self.delivery = delivery or Delivery()


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = DEFAULT_PORT
    user: str | None = None
    password: str | None = None


def smtp_settings(environ: Mapping[str, str]) -> SmtpSettings:
    """The server from the environment; MailError naming the setting that is missing or wrong."""
    host = environ.get("SMTP_HOST", "").strip()
    if not host:
        raise MailError("SMTP_HOST is not set: set it to your mail provider's SMTP server, like smtp.example.org "
                        "(with SMTP_PORT, SMTP_USER and SMTP_PASSWORD), or use --dry-run to see the message")
    port_text = environ.get("SMTP_PORT", "").strip() or str(DEFAULT_PORT)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise MailError(f"SMTP_PORT: expected a port number like 587 (STARTTLS) or 465 (TLS), got {port_text!r}")
    user = environ.get("SMTP_USER", "").strip() or None
    password = environ.get("SMTP_PASSWORD", "") or None
    if user and not password:
        raise MailError("SMTP_USER is set but SMTP_PASSWORD is not: set both (the password your provider gives "
                        "for SMTP), or neither for a server that needs no login")
    if password and not user:
        raise MailError("SMTP_PASSWORD is set but SMTP_USER is not: set the user name your provider gives for SMTP")
    return SmtpSettings(host, int(port_text), user, password)



def send_copies(settings: SmtpSettings, copies: Sequence[tuple[str, EmailMessage]], sender: str) -> Delivery:
    """Send each (recipient, message) through one connection. A recipient the server refuses is noted and the
    others still go; a failure of the connection or of the login raises MailError, the error's
    `delivery` says which copies went before it."""
    delivery = Delivery()
    where = f"{settings.host}:{settings.port}"
    try:
        with _connect(settings) as smtp:
            _secure(smtp, settings, where)
            for recipient, message in copies:
                try:
                    smtp.send_message(message, from_addr=sender, to_addrs=[recipient])
                except smtplib.SMTPRecipientsRefused as err:
                    said = next(iter(err.recipients.values()), (0, b""))
                    delivery.refused.append(f"{masked(recipient)}: {_said(said[0], said[1])}")
                    continue
                except smtplib.SMTPSenderRefused as err:
                    raise MailError(f"{where} refused the sender {sender}: "
                                                    f"{_said(err.smtp_code, err.smtp_error)}", delivery) from None
                except smtplib.SMTPDataError as err:
                    delivery.refused.append(f"{masked(recipient)}: {_said(err.smtp_code, err.smtp_error)}")
                    continue
                delivery.delivered.append(recipient)
    except MailError:
        raise
    except smtplib.SMTPAuthenticationError as err:
        raise MailError(f"{where} refused the login of SMTP_USER {settings.user}: "
                                        f"{_said(err.smtp_code, err.smtp_error)}; check SMTP_USER and "
                                        "SMTP_PASSWORD (many providers want an app password)", delivery) from None
    except smtplib.SMTPResponseException as err:
        raise MailError(f"{where} said {_said(err.smtp_code, err.smtp_error)}", delivery) from None
    except smtplib.SMTPException as err:
        raise MailError(f"{where}: {err}", delivery) from None
    except ssl.SSLError as err:
        raise MailError(f"{where}: the secure connection failed ({err.reason or err}); check "
                                        "SMTP_HOST and SMTP_PORT (465 is TLS, 587 STARTTLS)", delivery) from None
    except OSError as err:
        raise MailError(f"cannot reach the SMTP server {where} ({err.strerror or err}); check "
                                        "SMTP_HOST and SMTP_PORT", delivery) from None
    return delivery


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.port == TLS_PORT:
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT, context=ssl.create_default_context())
    return smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)


def _secure(smtp: smtplib.SMTP, settings: SmtpSettings, where: str) -> None:
    """STARTTLS when the server offers it, then the login when there is one to make."""
    smtp.ehlo()
    encrypted = isinstance(smtp, smtplib.SMTP_SSL)
    if not encrypted and smtp.has_extn("starttls"):
        smtp.starttls(context=ssl.create_default_context())
        smtp.ehlo()
        encrypted = True
    if settings.user and settings.password:
        if not encrypted:
            raise MailError(f"{where} offers no STARTTLS: inpublic does not send SMTP_PASSWORD unencrypted; use "
                            "the port your provider gives for STARTTLS (587) or TLS (465)")
        _login(smtp, settings.user, settings.password, where)


def _login(smtp: smtplib.SMTP, user: str, password: str, where: str) -> None:
    """Log in with the first of PLAIN and LOGIN the server offers, and that one only: a password refused once is
    wrong, and trying it again by another method only makes the server wait (smtplib's `login` tries them all)."""
    offered = (smtp.esmtp_features.get("auth") or "").upper().split()
    method = next((m for m in LOGINS if m in offered), None)
    if method is None:
        raise MailError(f"{where} offers no login that inpublic makes (PLAIN or LOGIN; it offers "
                        f"{', '.join(offered) or 'none'}): unset SMTP_USER and SMTP_PASSWORD if it needs none")
    smtp.user, smtp.password = user, password
    smtp.auth(method, smtp.auth_plain if method == "PLAIN" else smtp.auth_login)


def _said(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(words.split())}".strip()
