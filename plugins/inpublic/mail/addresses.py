"""Email addresses as the learner writes them: on the command line, in a variable, in a followers file.

Each is checked the way the email package reads an address (`email.headerregistry.Address`), with a domain that has
a dot in it (`mentor@localhost` is a mistake in a report's recipients, not a mail server's user). A mistake is one
line naming where the address came from. The followers file's text is read by the adapter; nothing here touches
the disk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.errors import HeaderParseError, MessageError
from email.headerregistry import Address

SEPARATORS = re.compile(r"[,;\s]+")  # between addresses in --to and INPUBLIC_MAIL_TO
DOMAIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


class AddressError(ValueError):
    """Addresses that cannot be used, one line each."""


def checked_address(text: str) -> str | None:
    """`text` as an address (`name@example.org`), or None when it is not one."""
    text = text.strip()
    if not text or any(c.isspace() or ord(c) < 32 for c in text) or text.count("@") != 1:
        return None
    try:
        address = Address(addr_spec=text)
    except (MessageError, HeaderParseError, ValueError, IndexError):
        return None
    domain = address.domain.encode("idna").decode("ascii") if not address.domain.isascii() else address.domain
    return address.addr_spec if address.username and DOMAIN.match(domain) else None


def split_addresses(values: Iterable[str], where: str) -> list[str]:
    """The addresses in `values`, each of which may hold several separated by commas or spaces; `where` names
    them in a message (`--to`, `INPUBLIC_MAIL_TO`). Raise AddressError naming every one that is not an address."""
    found, wrong = [], []
    for value in values:
        for part in SEPARATORS.split(value):
            if not part:
                continue
            address = checked_address(part)
            if address is None:
                wrong.append(f"{where}: {part!r} is not an email address (expected one like mentor@example.org)")
            else:
                found.append(address)
    if wrong:
        raise AddressError("\n".join(wrong))
    return found


def followers_addresses(text: str, name: str) -> list[str]:
    """The addresses of a followers file: one a line, blank lines and `# comments` left out. `name` is the file's
    path for the messages, each of which names the line."""
    found, wrong = [], []
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        address = checked_address(entry)
        if address is None:
            wrong.append(f"{name}:{number}: {entry!r} is not an email address (expected one address a line, "
                         "like mentor@example.org)")
        else:
            found.append(address)
    if wrong:
        raise AddressError("\n".join(wrong))
    return found


def unique(addresses: Iterable[str]) -> list[str]:
    """`addresses` in their order, each once (the same address in two cases is one address)."""
    seen: set[str] = set()
    out = []
    for address in addresses:
        if address.lower() not in seen:
            seen.add(address.lower())
            out.append(address)
    return out


def masked(address: str) -> str:
    """`mentor@example.org` as `me…@example.org`: enough for the learner to know whom a message means, not enough
    to harvest from a public workflow's log."""
    user, _, domain = address.partition("@")
    return f"{user[:2]}…@{domain}"
