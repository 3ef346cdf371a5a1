"""Bad input of every kind (random bytes, wrong encodings, malformed PDF and DOCX, huge and
broken values) to the chapter importer, every record form, every row form of a record's
page, the log-in and reset forms and the audit filter: a page with a message, nothing
written, never a 500. Bounded: a few dozen examples each."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from liaison.activities.choices import ActivityKind
from liaison.core import registry
from tests.factories import ActivityFactory
from tests.fuzz.inputs import BOUNDED, random_bytes, value, written, wrongly_encoded

pytestmark = pytest.mark.django_db

upload = st.tuples(
    st.one_of(random_bytes, wrongly_encoded),
    st.sampled_from(["chapter.txt", "chapter.pdf", "chapter.docx", "chapter.md", "章節"]),
)


@BOUNDED
@given(
    upload=upload,
    year=st.one_of(st.just("2024"), value),
    lang=st.sampled_from(["auto", "zh-Hant", "xx", ""]),
)
def test_the_chapter_importer_refuses_bad_files_in_words(editor_client, upload, year, lang):
    content, name = upload
    before = written()
    response = editor_client.post(
        reverse("importer:upload"),
        {"chapter": SimpleUploadedFile(name, content), "year": year, "lang": lang},
    )
    assert response.status_code == 200
    assert written() == before


def record_forms() -> list[tuple[str, str]]:
    return [
        (family.name, urls["add"])
        for family in registry.families()
        if "add" in (urls := family.urls())
    ]


@pytest.mark.parametrize(("family", "url"), record_forms())
@BOUNDED
@given(data=st.data())
def test_every_record_form_refuses_bad_values_in_words(editor_client, family, url, data):
    form = editor_client.get(url).context["form"]
    posted = {name: data.draw(value, label=name) for name in form.fields}
    before = written()
    response = editor_client.post(url, posted)
    assert response.status_code in (200, 302), (family, response.status_code)
    if response.status_code == 200:
        assert written() == before, family


@BOUNDED
@given(
    query=st.dictionaries(
        st.sampled_from(["who", "family", "record", "kind", "since", "until", "page"]), value
    )
)
def test_the_audit_filter_refuses_bad_values_in_words(editor_client, query):
    assert editor_client.get(reverse("audit:trail"), query).status_code == 200


def row_forms() -> list[tuple[str, str]]:
    """(family, rows) for every kind of row a record's page adds (events, delegation...)."""
    return [(family.name, name) for family in registry.families() for name in family.rows]


@pytest.mark.parametrize(("family", "rows"), row_forms())
@BOUNDED
@given(data=st.data())
def test_every_row_form_refuses_bad_values_in_words(editor_client, agency, family, rows, data):
    record = ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, state="draft")
    found = next(f for f in registry.families() if f.name == family)
    spec = found.rows[rows]
    posted = {f"{rows}-{name}": data.draw(value, label=name) for name in spec.form.base_fields}
    posted[f"{rows}-version"] = data.draw(st.one_of(st.just(str(record.version)), value))
    before = written()
    url = reverse(found.url_name("rows"), kwargs={"pk": record.pk, "rows": rows})
    response = editor_client.post(url, posted, follow=True)
    assert response.status_code == 200, (rows, response.status_code)
    if not [m for m in response.context["messages"] if m.level_tag == "success"]:
        assert written() == before, rows


@BOUNDED
@given(
    form=st.sampled_from(["web:login", "accounts:password_reset"]),
    data=st.dictionaries(st.sampled_from(["username", "password", "email", "next"]), value),
)
def test_the_log_in_and_reset_forms_refuse_bad_values_in_words(client, form, data):
    response = client.post(reverse(form), data)
    assert response.status_code in (200, 302, 429), (form, response.status_code)
