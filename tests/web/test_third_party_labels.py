"""Every label the installed packages can show (their Python and templates, extracted the way
makemessages does) is translated in the project's catalogues, where
`liaison.core.third_party_labels` marks them: an upgrade that brings new labels fails here,
not on a user's page."""

import importlib
import subprocess
from pathlib import Path

import pytest
from django.utils.translation import templatize

from liaison.core.third_party_labels import LABELS
from tests.web.test_translations import LOCALE, parse_po

KEYWORDS = ("_", "gettext", "gettext_lazy", "gettext_noop", "ngettext:1,2", "ngettext_lazy:1,2")


def labels_of(package: str, folder: Path) -> set[str]:
    """The msgids of `package`, by xgettext over its code and its templatized templates."""
    root = Path(importlib.import_module(package).__file__).parent
    sources = []
    for path in sorted(root.rglob("*")):
        if {"tests", "migrations"} & set(path.parts):
            continue
        if path.suffix == ".py":
            sources.append(path)
        elif path.suffix in (".html", ".txt") and "templates" in path.parts:
            copy = folder / (str(path.relative_to(root)).replace("/", "_") + ".py")
            copy.write_text(templatize(path.read_text("utf-8"), origin=str(path)), "utf-8")
            sources.append(copy)
    pot = folder / f"{package}.pot"
    subprocess.run(
        ["xgettext", "-L", "Python", "--from-code=UTF-8", "--omit-header", "-o", str(pot)]
        + [f"--keyword={keyword}" for keyword in KEYWORDS]
        + [str(source) for source in sources],
        check=True,
    )
    entries = parse_po(pot) if pot.exists() else {}
    return {key[0] if isinstance(key, tuple) else key for key in entries}


@pytest.mark.parametrize("language", ["zh_Hant", "pt"])
@pytest.mark.parametrize("package", list(LABELS))
def test_every_label_of_the_package_is_translated(package, language, tmp_path):
    entries = parse_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    translated = {
        key[0] if isinstance(key, tuple) else key
        for key, entry in entries.items()
        if all(entry["msgstr"]) and not entry["fuzzy"]
    }
    assert labels_of(package, tmp_path) - translated == set()
