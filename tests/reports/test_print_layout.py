"""The printed chapter's pages, read from WeasyPrint's layout: each statistics table keeps
its chart on its page, and no page is left more than half empty before a table."""

import itertools

import pytest
from weasyprint import HTML

from liaison.reports.builder import build_chapter
from liaison.reports.render.html import to_html
from liaison.reports.text import LANGUAGES
from tests.reports.conftest import GOLD

pytestmark = pytest.mark.django_db


def boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from boxes(child)


def page_contents(chapter) -> list[tuple[float, list[str]]]:
    """Per page: the share of its height the text and charts use, and the classes
    ("statistic", "chart") of what it holds, each with its table's title, in order."""
    document = HTML(string=to_html(chapter, for_print=True)).render()
    pages = []
    for page in document.pages:
        body = page._page_box.children[0]  # the rest are the header's and footer's boxes
        top, height = page._page_box.content_box_y(), page._page_box.height
        drawn = [b for b in boxes(body) if type(b).__name__ in ("LineBox", "InlineReplacedBox")]
        bottom = max((b.position_y + b.height for b in drawn), default=top)
        held = []
        for box in boxes(body):
            element = getattr(box, "element", None)
            if element is not None and element.get("class") in ("statistic", "chart"):
                title = element.findtext(".//{*}caption") or element.get("aria-label")
                if (element.get("class"), title) not in held:
                    held.append((element.get("class"), title))
        pages.append(((bottom - top) / height, held))
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_table_and_its_chart_share_a_page_and_no_page_is_left_half_empty(gold_agency, language):
    pages = page_contents(build_chapter(gold_agency, GOLD["year"], language))
    charted = set()
    for _used, held in pages:
        tables = {title for kind, title in held if kind == "statistic"}
        charts = {title for kind, title in held if kind == "chart"}
        assert charts <= tables, f"{language}: a chart apart from its table: {charts - tables}"
        charted |= charts
    assert charted, "the chapter has charts to check"
    for (used, _), (_, following) in itertools.pairwise(pages):
        if following and following[0][0] == "statistic":
            assert used >= 0.5, f"{language}: a page {used:.0%} full before {following[0][1]}"
