"""What the fuzz tests send (random bytes, wrong encodings, huge and broken values) and how
they see that nothing was written. Bounded: a few dozen examples a test."""

from auditlog.models import LogEntry
from django.apps import apps
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from liaison.audit.models import AuditEvent
from liaison.core.models import ChildModel, RecordModel, ReferenceModel

BOUNDED = settings(
    max_examples=15,
    deadline=30_000,  # milliseconds: a hang fails, a slow shared machine does not
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADERS = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"{\\rtf1"]
ENCODINGS = ["utf-16", "gb18030", "big5", "latin-1", "shift_jis", "cp1252"]

random_bytes = st.tuples(st.sampled_from(HEADERS), st.binary(max_size=4000)).map(
    lambda parts: parts[0] + parts[1]
)
wrongly_encoded = st.tuples(st.text(max_size=400), st.sampled_from(ENCODINGS)).map(
    lambda parts: parts[0].encode(parts[1], errors="replace")
)
value = st.one_of(
    st.text(max_size=200),
    st.text(alphabet="0123456789-.:", max_size=30),
    st.just("9" * 5000),
    st.just("-1"),
    st.just("2026-02-30"),
    st.just("a\x00b"),
    st.just("x" * 100_000),
)


def written() -> dict[str, int]:
    """How many rows each record, row and reference model has, and how many changes and
    imports were logged (every write is): the same before and after a refused input."""
    counts = {
        m._meta.label: m._base_manager.count()
        for m in apps.get_models()
        if issubclass(m, RecordModel | ReferenceModel | ChildModel) or m._meta.app_label == "sheets"
    }
    counts["changes"] = LogEntry.objects.exclude(action=LogEntry.Action.ACCESS).count()
    counts["imports"] = AuditEvent.objects.filter(kind=AuditEvent.Kind.IMPORT).count()
    return counts
