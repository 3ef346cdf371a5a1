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
from liaison.agenda.feeds import FEED_KINDS
from liaison.agenda.services import make_feed_token, open_feed
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
        ("audit trail", reverse("audit:trail")),
        ("audit trail record", reverse("audit:trail") + "?record=LKM"),
        ("audit trail record zh", reverse("audit:trail") + "?record=機密"),
        ("audit trail viewed", reverse("audit:trail") + "?kind=viewed"),
        ("audit trail csv", reverse("audit:export", args=["csv"])),
        ("audit trail xlsx", reverse("audit:export", args=["xlsx"])),
    ]


def web_pages(public: dict) -> list[tuple[str, str]]:
    """Dashboard, chapter preview, import and translations pages, and every
    registered family's list (plain and searched) and the public records' detail pages."""
    pages = [
        ("dashboard", reverse("web:dashboard")),
        ("dashboard 2024", reverse("web:dashboard") + "?year=2024"),
        ("import", reverse("importer:upload")),
        ("translations", reverse("web:translations")),
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
        if family.search_fields:  # the form's chooser of linked records
            chooser = reverse(family.url_name("autocomplete")) + "?field=link&type=checkbox"
            pages += [
                (f"chooser {family.name}", chooser + "&q=LKM"),
                (f"chooser zh {family.name}", chooser + "&q=機密"),
            ]
        for key, record in public.items():
            if type(record) is family.model and "detail" in (found := family.urls(record.pk)):
                pages.append((f"web detail {key}", found["detail"]))
    return pages


def api_pages(public: dict) -> list[tuple[str, str]]:
    """Every API endpoint that reads: each family's list (plain and searched), the public
    records' detail and files, search, the chapter in each language and every feed."""
    from liaison.api.records import PATHS

    pages = [
        ("api search", "/api/v1/search/?q=LKM"),
        ("api search zh", "/api/v1/search/?q=機密"),
    ]
    for model, path in PATHS.items():
        name = model._meta.model_name
        pages += [(f"api list {name}", path), (f"api search {name}", f"{path}?q=LKM")]
        for key, record in public.items():
            if type(record) is model:
                pages.append((f"api detail {key}", f"{path}{record.pk}"))
                if hasattr(record, "cleared_officers"):
                    files = f"/api/v1/attachments/?record_type={name}&record_id={record.pk}"
                    pages.append((f"api files {key}", files))
    for language in LANGUAGES:
        chapter = f"/api/v1/chapter/?year=2024&lang={language}&format=md"
        pages += [
            (f"api chapter {language}", chapter),
            (f"api drafts {language}", chapter + "&drafts=1"),
        ]
    pages += [(f"api feed {kind}", f"/api/v1/calendar/feed?kind={kind}") for kind in FEED_KINDS]
    return pages


def calendar_pages(public: dict) -> list[tuple[str, str]]:
    """The month and agenda pages over the planted records' dates (a confidential meeting
    known to September 2024, an obligation due 5 January 2025), plain and filtered."""
    month, agenda = reverse("calendar:month"), reverse("calendar:agenda")
    body = public["body"].pk
    return [
        ("calendar 2024-09", f"{month}?month=2024-09"),
        ("calendar 2025-01", f"{month}?month=2025-01"),
        ("calendar meetings 2024-09", f"{month}?month=2024-09&kind=meeting"),
        ("calendar obligations 2025-01", f"{month}?month=2025-01&kind=obligation"),
        ("calendar body 2025-01", f"{month}?month=2025-01&body={body}"),
        ("agenda 2024", f"{agenda}?start=2024-01-01&end=2024-12-31"),
        ("agenda 2025", f"{agenda}?start=2024-12-01&end=2025-11-30"),
        ("agenda body", f"{agenda}?start=2024-06-01&end=2025-05-31&body={body}"),
    ]


def account_page() -> list[tuple[str, str]]:
    """The account page, read after the feeds: it says when a feed was last read."""
    return [("account", reverse("accounts:profile"))]


def feed_pages(user) -> list[tuple[str, str]]:
    """Every feed of `user` (none for an anonymous reader: a feed needs its secret)."""
    if user is None:
        return []
    secret = make_feed_token(user)
    open_feed(secret)  # read once: the account page's "last read" line is then the same
    return [(f"feed {kind}", reverse("calendar:feed", args=[secret, kind])) for kind in FEED_KINDS]


def hidden_pages(planted: dict, actions=("detail", "edit", "delete")) -> list[tuple[str, str]]:
    """Pages of the confidential records themselves: a 404 for anyone not named."""
    from liaison.api.records import PATHS

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
        if (path := PATHS.get(type(record))) is not None:
            pages.append((f"api detail {opts.label}", f"{path}{record.pk}"))
    for attachment in planted["attachments"]:
        of = attachment.content_type.model
        pages += [
            (f"attachment of {of}", reverse("attachments:download", args=[attachment.pk])),
            (f"attachment file of {of}", f"/media/{attachment.file.name}"),
            (f"api attachment of {of}", f"/api/v1/attachments/{attachment.pk}/file"),
        ]
    return pages


def of_missing_record(url: str, planted: dict) -> str:
    """The same page for a record that does not exist: it must answer alike ("no hint")."""
    ids = {str(row.pk) for row in [*planted["records"], *planted["attachments"]]}
    parts = url.split("/")
    return "/".join("987654" if part in ids else part for part in parts)


def chapter_downloads(formats=CHAPTER_FORMATS) -> list[tuple[str, str]]:
    return [
        (
            f"chapter {language} {fmt}",
            reverse("reports:download", args=[fmt]) + f"?year=2024&lang={language}",
        )
        for language in LANGUAGES
        for fmt in formats
    ]


def sheet_pages() -> list[tuple[str, str]]:
    """Every family's export as a sheet (each activity kind's too), plain and searched for
    the markers, and every kind's blank template (its drop-down lists name records)."""
    from liaison.sheets import registry as sheets

    pages = []
    for family in registry.families():
        for kind in sheets.kinds():
            if kind.model is not family.model:
                continue
            query = "&".join(f"{key}={value}" for key, value in kind.filters.items())
            for fmt in ("xlsx", "csv"):
                url = reverse("sheets:export", args=[family.name, fmt])
                pages += [
                    (f"export {kind.name} {fmt}", f"{url}?{query}"),
                    (f"export {kind.name} {fmt} searched", f"{url}?{query}&q=LKM"),
                ]
    for kind in sheets.kinds():
        pages.append((f"sheet template {kind.name}", reverse("sheets:template", args=[kind.name])))
    return pages


#: Rows naming the confidential records as an editor might type them: the preview must read
#: them exactly as it would if those records did not exist.
NAMING_THE_SECRET_RECORDS = [
    ["kind", "title (Chinese)", "start date", "bodies", "places"],
    ["meeting", "公開的新會議", "2024-04-03", "LKMK", "維也納"],
    ["meeting", "公開的外訪", "2024-04-03", "公開機構", ""],
]


#: A new body typed with the confidential body's very name: the name is unique only among
#: the bodies anyone may see, or its refusal would tell that the hidden one exists.
A_BODY_OF_THE_SECRET_BODYS_NAME = [["name (Chinese)", "acronym"], ["機構機密標記LEAKMARK", "NEW"]]


def sheet_preview(client, kind="activity", rows=NAMING_THE_SECRET_RECORDS) -> tuple[int, str]:
    """The sheet import's preview of rows that name the confidential records."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    upload.name = f"{kind}.xlsx"
    response = client.post(reverse("sheets:upload"), {"kind": kind, "sheet": upload})
    return response.status_code, normalised(response.content.decode())


#: A new officer given the confidential officer's staff number: unique only among the
#: officers anyone may see, like a body's name.
AN_OFFICER_OF_THE_SECRET_OFFICERS_NUMBER = [
    ["staff number", "name (Chinese)", "unit"],
    ["LKMK1", "新同事", "open"],
]


def sheet_previews(client) -> list[tuple[int, str]]:
    return [
        sheet_preview(client),
        sheet_preview(client, "body", A_BODY_OF_THE_SECRET_BODYS_NAME),
        sheet_preview(client, "staff", AN_OFFICER_OF_THE_SECRET_OFFICERS_NUMBER),
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
    if content.startswith(b"PK") and "spreadsheetml" in content_type:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        rows = (row for sheet in book for row in sheet.iter_rows(values_only=True))
        return "\n".join("\t".join(str(cell or "") for cell in row) for row in rows)
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
