"""The chapter in the API: any year, language and format, built by the same service as the
web page's download (the chapter's own rules on top of the caller's visibility, logged);
and the chapter's own prose, a record family like the others."""

from typing import Literal

from django.http import HttpResponse
from ninja import Field, ModelSchema, Query, Router, Schema

from liaison.api.errors import ApiError, errors
from liaison.api.records import record_routes
from liaison.api.schemas import RECORD_FIELDS
from liaison.reports.choices import CHAPTER_YEARS
from liaison.reports.forms import PassageForm
from liaison.reports.models import Passage
from liaison.reports.render import FORMATS, filename
from liaison.reports.services import MissingTranslations
from liaison.reports.views import PASSAGES, chapter_for

router = Router(tags=["chapter"])


class PassageOut(ModelSchema):
    class Meta:
        model = Passage
        fields = [*RECORD_FIELDS, *PassageForm._meta.fields, "source_name"]


record_routes(router, PASSAGES, path="passages", out=PassageOut)


class ChapterParams(Schema):
    year: int | None = Field(
        None,
        ge=CHAPTER_YEARS.start,
        le=CHAPTER_YEARS.stop - 1,
        description="Default: the latest year.",
    )
    lang: Literal["zh-Hant", "pt", "en"] | None = None
    format: Literal[tuple(FORMATS)] = "html"
    drafts: Literal["0", "1"] = Field("0", description="1: a draft that may include drafts.")


@router.get(
    "/chapter/",
    response={200: None, **errors(401, 409, 422, 429)},
    operation_id="chapter",
    summary="The annual report's chapter",
    openapi_extra={
        "responses": {
            200: {
                "description": "The chapter file",
                "content": {
                    FORMATS[fmt].content_type.split(";")[0]: {
                        "schema": {"type": "string", "format": "binary"}
                    }
                    for fmt in FORMATS
                },
            }
        }
    },
)
def chapter(request, params: Query[ChapterParams]):
    try:
        _wanted, built, content = chapter_for(request, params.format)
    except MissingTranslations as error:
        summary, *names = error.messages
        raise ApiError(409, summary, "untranslated", errors={"names": names}) from error
    response = HttpResponse(content, content_type=FORMATS[params.format].content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(built, params.format)}"'
    return response
