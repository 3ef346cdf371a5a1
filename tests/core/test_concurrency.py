"""Two officers saving the same record at the same moment: one wins, the other is told.

Real concurrent transactions need a server database, so this runs on PostgreSQL; on SQLite
the writes are serialised by its IMMEDIATE transactions and the version check is covered by
test_services.
"""

import threading

import pytest
from django.db import connection

from liaison.activities.models import Activity, Event
from liaison.core import services
from tests.factories import ActivityFactory, EventFactory


@pytest.mark.django_db(transaction=True)
def test_simultaneous_edits_never_overwrite_each_other(editor, second_editor):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent transactions (PostgreSQL)")
    record = ActivityFactory(agency=editor.agency, state="draft", approved_at=None)
    barrier = threading.Barrier(2)
    outcomes = {}

    def edit(user, title):
        copy = Activity.objects.get(pk=record.pk)
        barrier.wait()
        try:
            services.update_record(
                copy, user=user, version=copy.version, data={"title_zh_hant": title}
            )
            outcomes[title] = "saved"
        except services.StaleRecordError:
            outcomes[title] = "refused"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=edit, args=(editor, "甲")),
        threading.Thread(target=edit, args=(second_editor, "乙")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["refused", "saved"]
    saved = next(title for title, outcome in outcomes.items() if outcome == "saved")
    record.refresh_from_db()
    assert record.title_zh_hant == saved and record.version == 2


@pytest.mark.django_db(transaction=True)
def test_simultaneous_row_edits_of_one_record_never_overwrite_each_other(editor, second_editor):
    """Two officers change the same event at once, each on the activity they loaded at
    version 1: the record's version is the lock, so exactly one change is kept."""
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent transactions (PostgreSQL)")
    event = EventFactory(activity__agency=editor.agency, activity__state="draft")
    barrier = threading.Barrier(2)
    outcomes = {}

    def edit(user, series):
        copy = Event.objects.get(pk=event.pk)
        copy.series = series
        barrier.wait()
        try:
            services.save_child(copy, user=user, parent_version=1)
            outcomes[series] = "saved"
        except services.StaleRecordError:
            outcomes[series] = "refused"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=edit, args=(editor, "甲")),
        threading.Thread(target=edit, args=(second_editor, "乙")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["refused", "saved"]
    saved = next(series for series, outcome in outcomes.items() if outcome == "saved")
    event.refresh_from_db()
    event.activity.refresh_from_db()
    assert event.series == saved and event.activity.version == 2
