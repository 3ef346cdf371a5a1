"""The terminology base: shipped names, series taught once, and the chapter using them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from liaison.activities.choices import ActivityKind
from liaison.reports.builder import build_chapter
from liaison.terminology.models import Term
from liaison.terminology.patterns import Terminology, ordinal, teach
from liaison.terminology.services import save_term, teach_series, terminology
from tests.factories import ActivityFactory, EventFactory

STEERING = (
    "第7屆指導委員會會議",
    "7.ª Reunião do Comité Directivo",
    "7th Meeting of the Steering Committee",
)


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102, 113)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "113th",
    ]  # fmt: skip


def test_a_series_taught_by_its_7th_session_names_the_8th_and_the_9th():
    pattern = teach(*STEERING)
    assert pattern == (
        "第{n}屆指導委員會會議",
        "{n}.ª Reunião do Comité Directivo",
        "{nth} Meeting of the Steering Committee",
    )
    terms = Terminology([pattern])
    assert terms.translate("第8屆指導委員會會議", "en") == "8th Meeting of the Steering Committee"
    assert terms.translate("第9屆指導委員會會議", "pt") == "9.ª Reunião do Comité Directivo"
    assert terms.translate("第8屆全體大會", "en") == ""  # another series
    assert terms.translate("全球網絡第8屆指導委員會會議", "en") == ""  # a longer title


def test_a_year_is_a_plain_number_and_the_session_is_the_shared_one():
    zh, pt, en = teach("2024年第13屆會議", "13.ª Sessão de 2024", "13th Session, 2024")
    assert (zh, pt, en) == ("{n}年第13屆會議", "13.ª Sessão de {n}", "13th Session, {n}")


def test_names_without_a_shared_number_are_no_series():
    with pytest.raises(ValueError):
        teach("第7屆指導委員會會議", "Reunião do Comité Directivo", "Meeting of the Committee")


def test_the_genre_s_names_are_shipped(db):
    terms = terminology()
    assert terms.translate("資產追回工作組第19屆會議", "en") == (
        "19th Meeting of the Working Group on Asset Recovery"
    )
    assert terms.translate("國家監察委員會", "pt") == "Comissão Nacional de Supervisão"
    shipped = Term.objects.filter(name_en="").values_list("name_zh_hant", flat=True)
    assert not shipped and not Term.objects.filter(name_pt="").exists()


def test_an_editor_teaches_a_series_and_next_year_s_chapter_uses_it(agency, editor):
    teach_series(
        user=editor, zh_hant="第3屆專家會議", pt="3.ª Reunião de Peritos", en="3rd Expert Meeting"
    )
    activity = ActivityFactory(
        agency=agency, year=2025, start_date=datetime.date(2025, 3, 1), kind=ActivityKind.MEETING
    )
    EventFactory(activity=activity, title_zh_hant="第4屆專家會議", title_en="", title_pt="")
    chapter = build_chapter(agency, 2025, "en")
    assert "“4th Expert Meeting”" in chapter.parts[2].items[0].text
    assert ("event", "第4屆專家會議") not in {(m.category, m.name) for m in chapter.missing}


def test_teaching_without_a_number_is_refused_in_words(editor):
    with pytest.raises(ValidationError) as error:
        teach_series(user=editor, zh_hant="指導委員會會議", pt="Reunião", en="Meeting")
    assert "相同的屆數" in str(error.value)  # in the user's language, zh-Hant by default
    assert not Term.objects.filter(name_zh_hant__contains="指導委員會會議", kind="name").exists()


def test_only_editors_keep_the_terms(make_user, editor):
    from liaison.core.choices import Role

    viewer = make_user(Role.VIEWER, username="viewer")
    with pytest.raises(PermissionDenied):
        save_term(
            user=viewer, data={"kind": "name", "name_zh_hant": "廉潔", "name_en": "Integrity"}
        )
    term = save_term(
        user=editor, data={"kind": "name", "name_zh_hant": "廉潔", "name_en": "Integrity"}
    )
    changed = save_term(
        user=editor, data={"name_pt": "Integridade"}, term=term, version=term.version
    )
    assert (changed.name_pt, changed.version) == ("Integridade", 2)
