"""Folding and trilingual fallback, which matching and every page rely on."""

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from liaison.core.text import fold
from liaison.core.translation import column_suffix, missing_translation, translated_value
from tests.factories import PlaceFactory


def test_simplified_and_traditional_fold_alike():
    assert fold("监察委员会") == fold("監察委員會")
    assert fold("ＧｌｏｂＥ  Network") == fold("globe network")
    assert fold("Comissão São Paulo") == "comissaosaopaulo"


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def test_column_suffix_maps_django_language_codes():
    assert [column_suffix(code) for code in ("zh-hant", "zh-Hant", "pt-br", "en-us", None)] == [
        "zh_hant",
        "zh_hant",
        "pt",
        "en",
        "zh_hant",
    ]


def test_names_fall_back_to_chinese():
    place = PlaceFactory.build(name_zh_hant="維也納", name_pt="", name_en="Vienna")
    assert translated_value(place, "name", "en") == "Vienna"
    assert translated_value(place, "name", "pt") == "維也納"
    assert missing_translation(place, "name", "pt") and not missing_translation(place, "name", "en")
    with translation.override("en"):
        assert place.name == "Vienna" and str(place) == "Vienna"
    with translation.override("zh-hant"):
        assert place.name == "維也納"
