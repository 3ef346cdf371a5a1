"""What both sheet commands share: the user they act for, the shell's language, a bar."""

import sys
from importlib import import_module

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

#: The chapter importer's: Portuguese, Traditional Chinese or English, from the locale.
shell_language = import_module("liaison.importer.management.commands.import-report").shell_language
BAR = 30


def user_named(username):
    if not username:
        raise CommandError("Say whose records these are: --user USERNAME.")
    try:
        return get_user_model().objects.get(username=username, is_active=True)
    except get_user_model().DoesNotExist:
        raise CommandError(f"There is no active user “{username}”.") from None


def progress_bar(stream=None):
    """A bar on stderr, redrawn every 1% (or every 100 rows when the total is unknown)."""
    stream = stream or sys.stderr  # the stderr of now, not of when this module was loaded
    state = {"drawn": -1}

    def draw(done: int, total: int | None) -> None:
        if total and total >= 100:
            step = done * 100 // total
            if step != state["drawn"]:
                state["drawn"] = step
                filled = BAR * done // total
                stream.write(f"\r[{'#' * filled}{' ' * (BAR - filled)}] {done:,}/{total:,} rows")
                if done >= total:
                    stream.write("\n")
        elif done % 100 == 0:
            stream.write(f"\r{done:,} rows")

    return draw
