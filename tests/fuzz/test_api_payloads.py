"""Every API operation that writes, sent what no schema describes (schemathesis, in
tests/api, sends what the schema does): random bytes, JSON in the wrong encoding, broken,
deeply nested or huge JSON, the wrong content type, a forged If-Match. The answer is an
error in JSON the client can read, nothing is written, never a 500."""

import json

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from liaison.api.main import api
from liaison.api.tokens import issue_token
from tests.factories import ActivityFactory, EventFactory, PartnerBodyFactory, StaffFactory
from tests.fuzz.inputs import BOUNDED, ENCODINGS, random_bytes, value, written

pytestmark = pytest.mark.django_db

WRITES = sorted(
    (method.upper(), path)
    for path, operations in api.get_openapi_schema()["paths"].items()
    for method in operations
    if method in ("post", "patch", "delete")
)
json_value = st.recursive(
    st.one_of(value, st.integers(min_value=-(2**80), max_value=2**80), st.none(), st.floats()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=20), inner),
    max_leaves=8,
)
fields = st.dictionaries(
    st.sampled_from(["title_zh_hant", "name_zh_hant", "version", "kind", "agency", "staff"]),
    json_value,
)
body = st.one_of(
    random_bytes,
    st.tuples(fields, st.sampled_from(ENCODINGS)).map(
        lambda parts: json.dumps(parts[0], ensure_ascii=False).encode(parts[1], "replace")
    ),
    fields.map(lambda data: json.dumps(data).encode()),
    st.sampled_from(
        [b"", b"null", b"[]", b"{", b'{"version": 1', b"[" * 50_000, b'{"a":' * 20_000, b"\x00"]
    ),
)
content_type = st.sampled_from(
    [
        "application/json",
        "application/json; charset=big5",
        "text/plain",
        "multipart/form-data; boundary=xyz",
        "application/x-www-form-urlencoded",
        "",
    ]
)
if_match = st.one_of(st.none(), st.sampled_from(['"1"', "W/1", "*", "9" * 5000, "\t", '"-1"']))


@pytest.fixture
def api_client(fuzzer, agency):
    """The fuzzer's token, and a record of each kind at id 1 for the addresses to find."""
    activity = ActivityFactory(pk=1, agency=agency)
    EventFactory(pk=1, activity=activity)
    PartnerBodyFactory(pk=1, agency=agency)
    StaffFactory(pk=1, agency=agency)
    token = issue_token(fuzzer, name="fuzz")[1]
    return Client(headers={"authorization": f"Bearer {token}", "accept-language": "en"})


@BOUNDED
@given(
    operation=st.sampled_from(WRITES),
    body=body,
    content_type=content_type,
    if_match=if_match,
)
def test_every_api_write_refuses_what_no_schema_describes_in_json(
    api_client, operation, body, content_type, if_match
):
    method, path = operation
    url = path.replace("{pk}", "1").replace("{row}", "1")
    headers = {} if if_match is None else {"if-match": if_match}
    before = written()
    response = api_client.generic(method, url, body, content_type=content_type, headers=headers)
    assert response.status_code < 500, (method, url, response.content[:300])
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json"), (method, url)
        assert response.json()["detail"], (method, url)
        assert written() == before, (method, url)
