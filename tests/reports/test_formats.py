"""Every format in every language, parsed back: the chapter is really in the file."""

import datetime
import io
import shutil
import subprocess
import xml.etree.ElementTree as ET

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from liaison.activities.choices import ActivityKind
from liaison.reports import charts
from liaison.reports.builder import build_chapter
from liaison.reports.render import render
from liaison.reports.text import LANGUAGES
from tests.reports.conftest import GOLD

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
SAMPLE_SENTENCE = "赴遼寧瀋陽拜訪當地監察委員會。"
HEADINGS = {
    "zh-Hant": [
        "一、外訪",
        "二、接待來訪",
        "三、參與國際及區域會議",
        "四、《聯合國反腐敗公約》履約工作",
        "五、人員培訓",
    ],
    "pt": ["1. Visitas ao exterior", "2. Recepção de delegações"],
    "en": ["1. Visits outside Macao", "2. Visiting delegations", "5. Staff training"],
}
pytestmark = pytest.mark.django_db
SHENYANG = {
    "zh-Hant": SAMPLE_SENTENCE,
    "pt": "Comissão de Supervisão do Município de Shenyang",
    "en": "Shenyang Municipal Commission of Supervision",
}

TITLES = {"zh-Hant": "對外交流與培訓", "pt": "Intercâmbio", "en": "External Exchanges"}


@pytest.fixture(params=LANGUAGES)
def chapter(request, gold_agency):
    return build_chapter(gold_agency, GOLD["year"], request.param)


def test_markdown_has_the_seed_structure(chapter):
    text = render(chapter, "md").decode("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ") and chapter.title in lines[0]
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert headings[:5] == [part.heading for part in chapter.parts]
    assert all(heading in headings for heading in HEADINGS[chapter.language])
    bullets = [line for line in lines if line.startswith("- ")]
    listed = sum(len(p.items) for p in chapter.parts if p.style == "bullets")
    assert len(bullets) == listed  # and no list of missing translations
    assert "| ---: |" in text or "---: |" in text


def test_html_is_well_formed_with_tables_and_svg_charts(chapter):
    root = ET.fromstring(render(chapter, "html"))
    body = root.find(f"{XHTML}body")
    assert root.get("lang") == chapter.language
    assert body.find(f".//{XHTML}h1").text == chapter.title
    headings = [h2.text for h2 in body.iter(f"{XHTML}h2")]
    assert headings[:5] == [part.heading for part in chapter.parts]
    tables = body.findall(f".//{XHTML}table")
    assert [t.find(f"{XHTML}caption").text for t in tables] == [
        t.title for t in chapter.tables if t.rows
    ]
    assert len(list(body.iter(f"{SVG}svg"))) >= 2
    bullets = [li for ul in body.iter(f"{XHTML}ul") for li in ul]
    assert len(bullets) >= 13


def test_docx_has_real_headings_bullets_and_tables(chapter):
    document = docx.Document(io.BytesIO(render(chapter, "docx")))
    by_style = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Heading 1"] == [chapter.title]
    assert by_style["Heading 2"][:5] == [part.heading for part in chapter.parts]
    bullets = sum(len(p.items) for p in chapter.parts if p.style == "bullets")
    assert len(by_style["List Bullet"]) == bullets
    filled = [table for table in chapter.tables if table.rows]
    assert len(document.tables) == len(filled)
    first = document.tables[0]
    assert [cell.text for cell in first.rows[0].cells] == filled[0].columns
    assert [cell.text for cell in first.rows[1].cells] == filled[0].text_rows()[0]
    assert len(document.inline_shapes) >= 2  # the charts


def test_pdf_text_has_cjk_headings_and_sentences(chapter, tmp_path):
    path = tmp_path / "chapter.pdf"
    path.write_bytes(render(chapter, "pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    squeezed = "".join(text.split())
    assert TITLES[chapter.language].replace(" ", "") in squeezed
    for heading in HEADINGS[chapter.language]:
        assert heading.replace(" ", "") in squeezed
    # The sentence itself, or the commission's name from the terminology base.
    assert SHENYANG[chapter.language].replace(" ", "") in squeezed
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    assert "CJK" in fonts.stdout and " yes " in fonts.stdout  # embedded


def test_every_part_is_in_the_seed_order(gold_agency):
    for language in LANGUAGES:
        chapter = build_chapter(gold_agency, GOLD["year"], language)
        assert [part.kind for part in chapter.parts] == list(ActivityKind.values)
        assert [part.style for part in chapter.parts] == [
            "bullets",
            "bullets",
            "bullets",
            "prose",
            "prose",
        ]


def test_docx_is_set_for_print_and_made_the_same_each_time(chapter):
    content = render(chapter, "docx")
    assert render(chapter, "docx") == content  # fixed dates: the same records, the same bytes
    document = docx.Document(io.BytesIO(content))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    assert section.header.paragraphs[0].text.startswith(chapter.full_title)
    assert 'w:instr="PAGE"' in section.footer.paragraphs[0]._p.xml
    properties = document.core_properties
    assert properties.author == chapter.author != ""
    assert properties.created == datetime.datetime(GOLD["year"] + 1, 1, 1, tzinfo=datetime.UTC)
    tag = {"zh-Hant": "zh-TW", "pt": "pt-PT", "en": "en-GB"}[chapter.language]
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs if run.text]
    assert {run._r.rPr.find(qn("w:lang")).get(qn("w:val")) for run in runs} == {tag}
    heading = document.styles["Heading 1"]
    fonts = heading.element.rPr.rFonts
    assert fonts.get(qn("w:asciiTheme")) is None and heading.font.name == "Noto Sans CJK TC"
    assert heading.element.rPr.color.get(qn("w:themeColor")) is None
    charted = [table.title for table in charts.chartable(chapter.tables)]
    assert [shape._inline.docPr.get("descr") for shape in document.inline_shapes] == charted
    widths = [cell.width for cell in document.tables[0].rows[0].cells]
    assert len(set(widths)) > 1 and sum(widths) <= Mm(170)  # sized to their content


@pytest.mark.skipif(shutil.which("soffice") is None, reason="make test installs LibreOffice")
def test_libreoffice_opens_the_docx_as_a4_pages_with_the_title_on_each(chapter, tmp_path):
    source = tmp_path / "chapter.docx"
    source.write_bytes(render(chapter, "docx"))
    subprocess.run(
        [
            *("soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless"),
            *("--convert-to", "pdf", "--outdir", str(tmp_path), str(source)),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    pdf = tmp_path / "chapter.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True)
    pages = int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])
    assert "(A4)" in info.stdout and pages >= 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True)
    squeezed = "".join(text.stdout.split())
    assert squeezed.count(chapter.full_title.replace(" ", "").replace("\u3000", "")) >= pages
    assert HEADINGS[chapter.language][0].replace(" ", "") in squeezed
