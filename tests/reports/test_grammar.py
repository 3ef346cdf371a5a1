"""Articles in Portuguese and English prose, from what a name names and its first word."""

import pytest
from django.utils import translation

from liaison.reports.grammar import Named
from liaison.reports.templatetags.chapter import article, series


@pytest.mark.parametrize(
    ("name", "preposition", "written"),
    [
        (Named("Commission Against Corruption", "agency"), "", "the Commission Against Corruption"),
        (Named("The Ombudsman", "ombudsman"), "", "The Ombudsman"),
        (Named("Alibaba", "company"), "", "Alibaba"),
        (Named("Vienna", "city"), "", "Vienna"),
        (Named("United Arab Emirates", "country"), "", "the United Arab Emirates"),
        (Named("Japan", "country"), "", "Japan"),
        (
            Named("全球反腐敗執法合作網絡", "international", translated=False),
            "",
            "全球反腐敗執法合作網絡",
        ),
    ],
)
def test_english_articles(name, preposition, written):
    with translation.override("en"):
        assert article(name, preposition) == written


@pytest.mark.parametrize(
    ("name", "preposition", "written"),
    [
        (
            Named("Comissariado contra a Corrupção", "agency"),
            "",
            "o Comissariado contra a Corrupção",
        ),
        (
            Named("Comissão Nacional de Supervisão", "supervisory"),
            "por",
            "pela Comissão Nacional de Supervisão",
        ),
        (Named("Rede GlobE", "international"), "de", "da Rede GlobE"),
        (
            Named("Instituto Internacional do Ombudsman", "ombudsman"),
            "a",
            "ao Instituto Internacional do Ombudsman",
        ),
        (Named("Nações Unidas", "international"), "em", "nas Nações Unidas"),
        (Named("Emirados Árabes Unidos", "country"), "em", "nos Emirados Árabes Unidos"),
        (Named("Portugal", "country"), "em", "em Portugal"),
        (Named("Viena", "city"), "em", "em Viena"),
        (
            Named("Associação Internacional", "international"),
            "com",
            "com a Associação Internacional",
        ),
        (
            Named("全球反腐敗執法合作網絡", "international", translated=False),
            "por",
            "por 全球反腐敗執法合作網絡",
        ),
    ],
)
def test_portuguese_articles_merge_with_the_preposition(name, preposition, written):
    with translation.override("pt"):
        assert article(name, preposition) == written


def test_names_without_article_share_the_preposition():
    cities = [Named(city, "city") for city in ("Zhuhai", "Zhongshan", "Shenzhen")]
    with translation.override("pt"):
        assert series(article(cities, "em"), ", | e ") == "em Zhuhai, Zhongshan e Shenzhen"
        mixed = [Named("Viena", "city"), Named("Emirados Árabes Unidos", "country")]
        assert series(article(mixed, "em"), ", | e ") == "em Viena e nos Emirados Árabes Unidos"
