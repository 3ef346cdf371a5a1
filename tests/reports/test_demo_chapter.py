"""The demo as `make run` shows it: a chapter publishable in each language."""

import re

import pytest

from liaison.demo.loader import Demo
from liaison.reports.builder import build_chapter
from liaison.reports.render import render
from tests.reports.test_publishable import SAMPLE, prose, reproduced

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@pytest.fixture(scope="module")
def chapters(django_db_setup, django_db_blocker):
    """The demo's three chapters, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            users = Demo(log=lambda *args: None).load()
            agency = users["editor"].agency
            yield {lang: build_chapter(agency, 2024, lang) for lang in ("zh-Hant", "pt", "en")}
            transaction.set_rollback(True)


@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_demo_chapter_in_portuguese_and_english_has_no_chinese(chapters, language, fmt):
    text = render(chapters[language], fmt).decode("utf-8")
    han = HAN.findall(text)
    assert not han, f"{len(han)} Han characters: {''.join(han)[:200]}"


@pytest.mark.parametrize("language", ["zh-Hant", "pt", "en"])
def test_the_demo_chapter_has_nothing_left_to_translate(chapters, language):
    assert chapters[language].missing == []


def test_the_demo_chapter_in_chinese_reproduces_the_sample(chapters):
    share = reproduced(SAMPLE.read_text(encoding="utf-8"), prose(chapters["zh-Hant"]))
    assert share >= 0.95, f"{share:.1%} of the sample's prose reproduced"
