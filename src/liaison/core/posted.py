"""Numbers a client posts (record ids, versions): a tampered form or an API client may send
any string, and a 5,000-digit one makes `int()` and the database driver fail, so a value
counts as a number only when a database's integer column could hold it."""

from django.utils.translation import gettext_lazy as _

#: The largest integer the databases store (a signed 64-bit integer).
MAX_INTEGER = 2**63 - 1


def is_stored_integer(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) <= 19 and int(value) <= MAX_INTEGER


#: Said when a write came without the version its page showed, or with a tampered one.
OUT_OF_DATE = _("The page was out of date; reload it and try again.")


def posted_version(value: str) -> int | None:
    """The record version a form posted, or None when it is missing or not a number: the
    write it came with must then be refused, never made against the version stored now."""
    return int(value) if is_stored_integer(value) else None
