"""The demo's translation pass over the sample chapter, as the office would make it once:
each activity's Portuguese and English (title and sentence, with the context its Chinese
sentence carries), the event titles the terminology base cannot know, the one body it
lacks, and the chapter's own prose (introduction, leads, the context sentence; the title
and headings keep the chapter's labels). Names the base knows (bodies, places, series,
topics) are filled from it.

The wording lives in `data/sample_translations.json`, apart from the loader, so it can move
with the demo; its keys are the sentences the importer keeps as `source_text`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from liaison.activities.models import Activity
from liaison.core import services
from liaison.partners.models import PartnerBody
from liaison.reports.models import Passage
from liaison.terminology.services import terminology


@cache
def sample_translations() -> dict:
    """`data/sample_translations.json`: activities, events and bodies by their zh-Hant."""
    data = resources.files("liaison.demo").joinpath("data", "sample_translations.json")
    return json.loads(data.read_text(encoding="utf-8"))


def translate_sample(agency, editor) -> int:
    """Give the imported sample its Portuguese and English; returns how many records changed.
    Records already translated are left alone, so the demo may run twice."""
    terms, data = terminology(), sample_translations()
    changed = 0
    for body in PartnerBody.objects.filter(agency=agency, name_en=""):
        pt, en = _pair(data["bodies"], body.name_zh_hant) or (
            terms.translate(body.name_zh_hant, "pt"),
            terms.translate(body.name_zh_hant, "en"),
        )
        if en:
            services.update_record(
                body, user=editor, version=body.version, data={"name_pt": pt, "name_en": en}
            )
            changed += 1
    activities = Activity.objects.filter(
        agency=agency, source_text__in=data["activities"], summary_en=""
    )
    for activity in activities:
        wording = data["activities"][activity.source_text]
        events = list(activity.events.all())
        for event in events:
            pt, en = _pair(data["events"], event.title_zh_hant) or (
                terms.translate(event.title_zh_hant, "pt"),
                terms.translate(event.title_zh_hant, "en"),
            )
            event.title_pt, event.title_en = pt, en
        first = events[0] if events else None
        columns = {
            "summary_pt": wording["pt"],
            "summary_en": wording["en"],
            "title_pt": wording.get("title_pt") or (first.title_pt if first else ""),
            "title_en": wording.get("title_en") or (first.title_en if first else ""),
        }
        if "title_zh_hant" in wording:
            columns["title_zh_hant"] = wording["title_zh_hant"]
        services.update_record(activity, user=editor, version=activity.version, data=columns)
        services.change_children(
            activity, user=editor, parent_version=activity.version, saved=events
        )
        changed += 1
    passages = Passage.objects.filter(agency=agency, text_zh_hant__in=data["passages"], text_en="")
    for passage in passages:
        wording = data["passages"][passage.text_zh_hant]
        columns = {"text_pt": wording["pt"], "text_en": wording["en"]}
        services.update_record(passage, user=editor, version=passage.version, data=columns)
        changed += 1
    return changed


def _pair(names: dict, zh_hant: str) -> tuple[str, str] | None:
    known = names.get(zh_hant)
    return (known["pt"], known["en"]) if known else None
