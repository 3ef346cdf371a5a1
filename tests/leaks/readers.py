"""Every reader that exists, as a list of pages: each a (label, URL) a logged-in client
opens. A new surface joins here (web pages join through the family registry unaided).

What a page shows is compared twice: before and after the confidential records are
planted (it must not change for anyone not named: nothing shown, nothing counted), and
against the markers (nothing of their content, ever).
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

from django.contrib import admin
from django.urls import NoReverseMatch, reverse

import liaison.importer
from liaison.core import registry

CHAPTER_FORMATS = ("md", "html", "docx", "pdf")
LANGUAGES = ("zh-Hant", "pt", "en")


def admin_pages(public: dict) -> list[tuple[str, str]]:
    """Every admin list (plain and searched for the markers) and the change and history
    pages of the public records the secret ones are linked to."""
    pages = [("admin index", reverse("admin:index"))]
    for model in admin.site._registry:
        opts = model._meta
        if opts.label in AUDIT_MODELS:
            continue
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        pages += [
            (f"admin list {opts.label}", changelist),
            (f"admin search {opts.label}", f"{changelist}?q=LKM"),
            (f"admin search zh {opts.label}", f"{changelist}?q=機密"),
        ]
    for record in (public["visit"], public["course"], public["body"], public["unit"]):
        opts = record._meta
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        pages += [
            (f"admin change {opts.label}", change),
            (f"admin history {opts.label}", change.replace("/change/", "/history/")),
        ]
    pages.append(
        (
            "admin autocomplete bodies",
            reverse("admin:autocomplete")
            + "?app_label=activities&model_name=activitybody&field_name=body&term=LKM",
        )
    )
    return pages


#: The audit trail's own pages, read by `audit_pages`.
AUDIT_MODELS = ("auditlog.LogEntry", "audit.AuditEvent")


def audit_pages() -> list[tuple[str, str]]:
    """The change log: auditors may see that a confidential record changed (so these pages
    may differ once it is planted), never what."""
    log = reverse("admin:auditlog_logentry_changelist")
    return [
        ("audit log", log),
        ("audit log search", f"{log}?q=LEAK"),
        ("audit log search zh", f"{log}?q=機密"),
        ("audit events", reverse("admin:audit_auditevent_changelist")),
        ("audit events search", reverse("admin:audit_auditevent_changelist") + "?q=LEAK"),
    ]


def web_pages(public: dict) -> list[tuple[str, str]]:
    """Dashboard, chapter preview, import page, and every registered family's list
    (plain and searched) and the public records' detail pages."""
    pages = [
        ("dashboard", reverse("web:dashboard")),
        ("dashboard 2024", reverse("web:dashboard") + "?year=2024"),
        ("import", reverse("importer:upload")),
        ("search", reverse("search:results") + "?q=LKM"),
        ("search zh", reverse("search:results") + "?q=機密"),
        ("search simplified", reverse("search:results") + "?q=机密"),
        ("search one character", reverse("search:results") + "?q=密"),
    ]
    for language in LANGUAGES:
        preview = reverse("reports:preview") + f"?year=2024&lang={language}"
        pages += [(f"chapter {language}", preview), (f"drafts {language}", preview + "&drafts=1")]
    for family in registry.families():
        urls = family.urls()
        if "list" in urls:
            pages += [
                (f"web list {family.name}", urls["list"]),
                (f"web search {family.name}", urls["list"] + "?q=LKM"),
            ]
        for key, record in public.items():
            if type(record) is family.model and "detail" in (found := family.urls(record.pk)):
                pages.append((f"web detail {key}", found["detail"]))
    return pages


def hidden_pages(planted: dict, actions=("detail", "edit", "delete")) -> list[tuple[str, str]]:
    """Pages of the confidential records themselves: a 404 for anyone not named."""
    pages = []
    for record in planted["records"]:
        opts = record._meta
        admin_url = f"admin:{opts.app_label}_{opts.model_name}_change"
        try:
            change = reverse(admin_url, args=[record.pk])
        except NoReverseMatch:
            pass
        else:
            pages += [(f"admin change {opts.label}", change)]
        family = registry.family_of(type(record))
        if family is not None:
            found = family.urls(record.pk).items()
            pages += [(f"web {act} {opts.label}", url) for act, url in found if act in actions]
    for attachment in planted["attachments"]:
        of = attachment.content_type.model
        pages += [
            (f"attachment of {of}", reverse("attachments:download", args=[attachment.pk])),
            (f"attachment file of {of}", f"/media/{attachment.file.name}"),
        ]
    return pages


def of_missing_record(url: str, planted: dict) -> str:
    """The same page for a record that does not exist: it must answer alike ("no hint")."""
    ids = {str(row.pk) for row in [*planted["records"], *planted["attachments"]]}
    parts = url.split("/")
    return "/".join("987654" if part in ids else part for part in parts)


def chapter_downloads() -> list[tuple[str, str]]:
    return [
        (
            f"chapter {language} {fmt}",
            reverse("reports:download", args=[fmt]) + f"?year=2024&lang={language}",
        )
        for language in LANGUAGES
        for fmt in CHAPTER_FORMATS
    ]


SAMPLE = Path(liaison.importer.__file__).parent / "samples" / "000_7b80f90a73d56b59.txt"

#: A sentence naming the confidential body by its acronym, added to the sample chapter: the
#: import preview must read it exactly as it would if the body did not exist.
NAMING_THE_SECRET_BODY = "\n2024年9月，本署人員赴維也納拜訪LKMK，就反貪合作交流意見。\n"


def import_preview(client) -> tuple[int, str]:
    """The import page's preview of the sample chapter with that sentence added."""
    upload = io.BytesIO((SAMPLE.read_text(encoding="utf-8") + NAMING_THE_SECRET_BODY).encode())
    upload.name = "chapter.txt"
    response = client.post(
        reverse("importer:upload"), {"chapter": upload, "year": 2024, "lang": "auto"}
    )
    return response.status_code, normalised(response.content.decode())


def text_of(content: bytes, content_type: str) -> str:
    """What a reader of the response sees: the text of a DOCX or PDF, else the body."""
    if content.startswith(b"%PDF"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
            pdf.write(content)
            pdf.flush()
            return subprocess.run(
                ["pdftotext", "-q", pdf.name, "-"], capture_output=True, check=True, text=True
            ).stdout
    if content.startswith(b"PK"):
        import docx

        document = docx.Document(io.BytesIO(content))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([*(p.text for p in document.paragraphs), *cells])
    return content.decode("utf-8", errors="replace")


_VOLATILE = re.compile(
    r"csrfmiddlewaretoken\" value=\"[^\"]+\"|csrf[-_]?token[^>]*|"
    r"\b\d{1,2}:\d{2}(:\d{2})?\b|[0-9a-f]{32,}|\d+(\.\d+)? ?ms\b",
    re.IGNORECASE,
)


def normalised(text: str) -> str:
    """The page without what changes from one request to the next (tokens, clock times)."""
    return _VOLATILE.sub("…", text)
