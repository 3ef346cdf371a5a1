"""How an activity took place and whose course it was, read from its sentence: what the
sentence does not say stays unsaid; fragments of a clause are no topics."""

import pytest

from liaison.importer.parser.manner import find_mode, find_training_scope
from liaison.importer.parser.mentions import find_topics


@pytest.mark.parametrize(
    ("sentence", "kind", "mode"),
    [
        ("赴奧地利維也納出席“第7屆指導委員會會議”。", "meeting", "in_person"),
        (
            "派員隨國家代表團參加在奧地利維也納舉行的“履約審議工作組第15屆會議”。",
            "convention_review",
            "in_person",
        ),
        ("以視像方式出席亞太反洗錢組織年會。", "meeting", "online"),
        ("還積極安排人員以線上或線下方式，參加培訓活動。", "training", "hybrid"),
        ("親身與會或透過線上參與國際會議。", "meeting", "hybrid"),
        ("The CCAC attended the meeting online.", "meeting", "online"),
        ("O CCAC deslocou-se a Viena para a reunião.", "meeting", "in_person"),
        ("接待印尼檢察官代表團，介紹澳門的視頻監察經驗。", "inbound_visit", "in_person"),
        ("出席國際申訴專員協會國際會議。", "meeting", ""),
    ],
)
def test_the_mode_is_what_the_sentence_says(sentence, kind, mode):
    assert find_mode(sentence, kind) == mode


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("亦邀請專業導師為宣傳教育人員舉辦人工智能及新媒體應用的培訓課程。", "internal"),
        ("為新入職調查員舉辦刑事偵查培訓課程。", "internal"),
        ("派員赴遼寧瀋陽，參加由中國刑事警察學院合辦的研修班。", "external"),
        ("派出開發人員赴杭州，出席由阿里巴巴舉辦的“雲棲大會2024”。", "external"),
        ("The CCAC invited an expert to give a course for its staff.", "internal"),
        ("Investigators took part in a course organised by the IAACA.", "external"),
        ("組織人員參觀全民國家安全教育展。", ""),
    ],
)
def test_a_course_is_the_offices_own_or_one_its_staff_were_sent_to(sentence, scope):
    assert find_training_scope(sentence, "training") == scope


def test_only_a_course_has_a_scope():
    assert find_training_scope("派員參加由國家監察委員會主辦的會議。", "meeting") == ""


def test_a_related_to_clause_gives_no_topics():
    sentence = "參加由澳門以外地區相關組織或機構所舉辦之各項與廉政公署職能有關的培訓活動。"
    assert find_topics(sentence) == []
    assert find_topics("為宣傳教育人員舉辦人工智能及新媒體應用的培訓課程。") == [
        "人工智能",
        "新媒體應用",
    ]
    assert find_topics("舉辦之各項反洗錢的培訓。") == ["反洗錢"]
