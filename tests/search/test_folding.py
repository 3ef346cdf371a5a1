"""Folding: both Chinese scripts and their variants, widths, accents and case meet."""

import pytest

from liaison.search.folding import fold, folded_with_origins, terms_of


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("监察委员会", "監察委員會"),
        ("台湾", "臺灣"),
        ("看着", "看著"),
        ("里面", "裡面"),
        ("裏面", "裡面"),
        ("路线", "路綫"),
        ("ＧｌｏｂＥ", "globe"),
        ("ＡＰＧ２０２４", "apg2024"),
        ("Comissão", "comissao"),
        ("VIENA", "Viena"),
        ("Straße", "strasse"),
    ],
)
def test_both_forms_fold_to_one(one, other):
    assert fold(one) == fold(other)


def test_different_words_stay_different():
    assert fold("香港") != fold("澳門")
    assert fold("comissão") != fold("comitê")


def test_terms_are_the_folded_words_once_each():
    assert terms_of("  Comissão  IOI comissao ") == ["comissao", "ioi"]
    assert terms_of("   ") == []


def test_origins_map_every_folded_character_back():
    text = "Ａ: Comissa\u0303o 監察"
    folded, origins = folded_with_origins(text)
    assert folded == fold(text)
    assert len(origins) == len(folded)
    start = folded.find("comissao")
    assert text[origins[start] : origins[start + 7] + 1] == "Comissa\u0303o"
