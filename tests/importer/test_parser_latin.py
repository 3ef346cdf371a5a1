"""The parser's rules for Portuguese and English chapters, one test each."""

import pytest

from liaison.importer.parser import normalize, parse_chapter
from liaison.importer.parser.structure import sentences

PT_TITLE = "Intercâmbio com o exterior e formação"
EN_TITLE = "External Exchanges and Training"


def pt_activity(sentence: str, heading: str = "1. Visitas ao exterior"):
    """The single activity of a minimal Portuguese chapter."""
    chapter = parse_chapter(f"{PT_TITLE}\n{heading}\n- {sentence}", lang="pt")
    assert len(chapter.activities) == 1, chapter.activities
    return chapter.activities[0]


def en_activity(sentence: str, heading: str = "1. Outbound Visits"):
    chapter = parse_chapter(f"{EN_TITLE}\n{heading}\n- {sentence}", lang="en")
    assert len(chapter.activities) == 1, chapter.activities
    return chapter.activities[0]


def names(activity) -> list[str]:
    return [body.name for body in activity.organizations]


# --- the text as extracted ------------------------------------------------------------------


def test_wrapped_latin_lines_get_their_space_back():
    assert normalize(
        "Deslocação a Hong Kong para a «Conferência\nInternacional» — Novos\nCaminhos."
    ) == ("Deslocação a Hong Kong para a «Conferência Internacional» — Novos Caminhos.")


def test_a_word_hyphenated_at_a_line_break_is_made_whole_but_a_pronoun_keeps_its_hyphen():
    assert normalize("mantendo a coope-\nração e deslocou-\nse a Pequim.") == (
        "mantendo a cooperação e deslocou-se a Pequim."
    )


def test_a_latin_line_ending_a_sentence_ends_its_block_unless_an_abbreviation_ends_it():
    assert normalize("Recebeu o Sr.\nJoão Silva.\nO CCAC visitou Pequim.").split("\n") == [
        "Recebeu o Sr. João Silva.",
        "O CCAC visitou Pequim.",
    ]


def test_a_running_header_of_the_portuguese_report_is_dropped():
    text = (
        "Deslocação a Pequim para\nRelatório de Actividades do Comissariado "
        "contra a Corrupção de Macau 2024\nvisitar a Comissão."
    )
    assert normalize(text) == "Deslocação a Pequim para visitar a Comissão."


def test_part_followed_by_a_word_is_not_a_title():
    assert normalize("arranged for staff to take\npart in online courses.") == (
        "arranged for staff to take part in online courses."
    )


def test_latin_part_headings_are_longer_than_chinese_ones():
    chapter = parse_chapter(
        f"{PT_TITLE}\n3. Participação em reuniões internacionais e regionais\n"
        "- Deslocação a Viena para participar na «Reunião Anual».\n"
        "4. Implementation of the United Nations Convention against Corruption\n"
        "- Attended the “Review Group” in Vienna.",
        lang="pt",
    )
    assert [a.kind for a in chapter.activities] == ["meeting", "convention_review"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Nos termos da Lei n.º 10/2000, o Dr. Chan visitou o Sr. Wong em Pequim.", 1),
        ("The U.N. Office hosted 3.5 days of talks. Staff attended.", 2),
        ("O CCAC visitou Pequim. Em Junho, deslocou-se a Xangai.", 2),
        ("Participou na «Reunião n.º 5. Sessão Plenária» em Viena.", 1),
    ],
)
def test_latin_sentences_end_at_a_period_that_is_not_an_abbreviation(text, count):
    assert len(sentences(text)) == count


def test_auto_detects_portuguese_and_english():
    pt = (
        f"{PT_TITLE}\n1. Visitas ao exterior\n- Deslocação a Pequim para "
        f"visitar a Comissão Nacional de Supervisão."
    )
    en = (
        f"{EN_TITLE}\n1. Outbound Visits\n- A visit to Beijing to call on the "
        f"National Commission of Supervision."
    )
    assert parse_chapter(pt).language == "pt"
    assert parse_chapter(en).language == "en"


# --- what a sentence names --------------------------------------------------------------------


def test_a_latin_sentence_keeps_its_opening_clauses():
    text = (
        "Em Junho, a convite do Comissariado do Ministério dos Negócios "
        "Estrangeiros na RAEM, o CCAC participou na «Sessão»."
    )
    chapter = parse_chapter(f"{PT_TITLE}\n4. Cumprimento da Convenção\n{text}", lang="pt")
    assert chapter.activities[0].text == text


def test_places_hyphenated_into_a_region_name_are_not_places():
    activity = pt_activity("Visita a Zhuhai, na Grande Baía Guangdong-Hong Kong-Macau.")
    assert activity.places == ["珠海"]


def test_local_bodies_of_a_list_of_cities():
    activity = pt_activity(
        "Visita às Comissões de Supervisão das cidades de Zhuhai, Zhongshan e Shenzhen."
    )
    assert names(activity) == ["珠海市監察委員會", "中山市監察委員會", "深圳市監察委員會"]
    assert activity.places == ["珠海", "中山", "深圳"]


def test_the_local_body_is_that_of_the_most_specific_place():
    activity = pt_activity(
        "Deslocação a Shenyang, na província de Liaoning, para visitar a "
        "Comissão de Supervisão local."
    )
    assert names(activity) == ["瀋陽市監察委員會"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A visit to the Guangdong Provincial Supervisory Commission.",
        "Received the Supervisory Commission of Guangdong Province.",
    ],
)
def test_english_local_bodies(sentence):
    assert names(en_activity(sentence)) == ["廣東省監察委員會"]


def test_a_body_of_a_province_received_is_not_a_place():
    activity = pt_activity(
        "Recepção da Comissão de Supervisão da Província de Guangdong.",
        heading="2. Recepção de delegações",
    )
    assert (names(activity), activity.places) == (["廣東省監察委員會"], [])


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Deslocação a Kuala Lumpur, onde visitou a Academia Anticorrupção da Malásia.",
            "Academia Anticorrupção da Malásia",
        ),
        ("Visita ao Grupo Alibaba em Hangzhou.", "Grupo Alibaba"),
    ],
)
def test_unknown_portuguese_bodies_by_their_head_word(sentence, body):
    assert names(pt_activity(sentence)) == [body]


def test_unknown_english_bodies_by_their_head_word():
    activity = en_activity(
        "Hosted a delegation of officials from the Anti-Corruption Commission of Timor-Leste."
    )
    assert (names(activity), activity.places) == (["Anti-Corruption Commission of Timor-Leste"], [])


def test_generic_names_inside_a_quoted_title_are_part_of_the_title():
    activity = pt_activity(
        "Deslocação a Viena para participar na «15.ª Sessão do Grupo de "
        "Trabalho sobre Recuperação de Activos»."
    )
    assert names(activity) == []


def test_a_known_acronym_names_its_body_however_the_name_is_written():
    activity = en_activity(
        "Attended a forum of the U.N. Office on Drugs and Crime (UNODC) in Doha."
    )
    assert names(activity) == ["聯合國毒品和犯罪問題辦公室"]


def test_the_united_nations_convention_is_not_the_united_nations():
    activity = en_activity(
        "Attended a session on the United Nations Convention against Corruption in Vienna."
    )
    assert names(activity) == []


def test_a_delegation_named_by_its_members_and_origin_is_a_body_and_its_country_no_venue():
    activity = pt_activity(
        "Recepção de uma delegação de procuradores da Indonésia.",
        heading="2. Recepção de delegações",
    )
    assert (names(activity), activity.places) == (["delegação de procuradores da Indonésia"], [])


def test_the_country_of_a_national_delegation_is_no_venue():
    activity = pt_activity("Integração na delegação da China que participou na «Sessão», em Viena.")
    assert (names(activity), activity.places) == ([], ["維也納"])


def test_a_place_qualifying_a_known_body_is_part_of_its_name():
    activity = pt_activity("A ICAC de Hong Kong deslocou-se a Macau para participar no «Torneio».")
    assert (names(activity), activity.places) == (["香港廉政公署"], [])


def test_the_author_of_a_latin_chapter_is_never_a_partner_even_in_a_title():
    chapter = parse_chapter(
        f"{PT_TITLE}\n2. Recepção de delegações\n"
        "- O CCAC recebeu a ICAC para o «Torneio CCAC-ICAC».\n"
        "- O CCAC recebeu o Grupo Alibaba.\n- O CCAC recebeu a IAACA.",
        lang="pt",
    )
    assert [names(a) for a in chapter.activities] == [
        ["香港廉政公署"],
        ["Grupo Alibaba"],
        ["國際反貪局聯合會"],
    ]


def test_a_body_named_once_or_twice_is_not_the_author():
    activity = pt_activity(
        "Participação em curso organizado pela IAACA em Pequim.", heading="5. Formação do pessoal"
    )
    assert names(activity) == ["國際反貪局聯合會"]


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        (
            "O CCAC integrou a delegação que participou na 10.ª Sessão do Grupo de "
            "Revisão, realizada em Viena.",
            ["10.ª Sessão do Grupo de Revisão"],
        ),
        (
            "Attended the 7th Meeting of the Steering Committee in Vienna.",
            ["7th Meeting of the Steering Committee"],
        ),
        (
            "Investigadores frequentaram o Curso de Investigação Financeira "
            "organizado pela Polícia Judiciária.",
            ["Curso de Investigação Financeira"],
        ),
        (
            "Three investigators attended the Advanced Course on Investigation "
            "organised by the Academy.",
            ["Advanced Course on Investigation"],
        ),
        (
            "Em Outubro, participou na Reunião Anual do Grupo Ásia/Pacífico (APG), em Katmandu.",
            ["Reunião Anual do Grupo Ásia/Pacífico"],
        ),
    ],
)
def test_untitled_events_numbered_or_named_after_a_participation_verb(sentence, events):
    activity = parse_chapter(f"{PT_TITLE}\n5. Formação do pessoal\n- {sentence}").activities[0]
    assert activity.events == events


def test_a_long_guillemet_title_is_one_event():
    title = (
        "Recepção Comemorativa do 50.º Aniversário da Comissão Independente "
        "contra a Corrupção de Hong Kong e Cerimónia de Inauguração da "
        "Academia Internacional Anticorrupção de Hong Kong"
    )
    assert pt_activity(f"Deslocação a Hong Kong para participar na «{title}».").events == [title]


@pytest.mark.parametrize(
    ("sentence", "month"),
    [
        ("In June, attended the “Forum” in Vienna.", 6),
        ("From May to July, staff attended a course in Beijing.", 5),
        ("Staff may attend the “Forum” in Vienna.", None),
    ],
)
def test_english_months(sentence, month):
    assert en_activity(sentence, heading="5. Staff Training").month == month


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        (
            "Curso em Pequim, abrangendo a obtenção de provas electrónicas, a "
            "psicologia criminal e o treino.",
            ["obtenção de provas electrónicas", "psicologia criminal", "treino"],
        ),
        (
            "Courses in Beijing covering procurement fraud, compliance and data analysis.",
            ["procurement fraud", "compliance", "data analysis"],
        ),
        (
            "A workshop on financial investigation and asset tracing for investigators in Beijing.",
            ["financial investigation", "asset tracing"],
        ),
    ],
)
def test_latin_topics(sentence, topics):
    assert pt_activity(sentence, heading="5. Formação do pessoal").topics == topics
