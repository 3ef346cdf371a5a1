"""The routes every record family gets, from its registry entry (core.registry.Family):
list (the web list's filterset, paginated), read (with its rows, an ETag), create, edit
(PATCH, at the version read), delete, the workflow steps and its rows' add and remove.

Reads go through the family's chokepoint (`Family.visible`, `detail_rows`); writes are
validated by the family's form, as the web page's are, and made by the services with the
version the client read. A record the caller may not see answers 404, as one that does not
exist would; a stale write answers 409 with the record as it is now and who changed it.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field, create_model

from liaison.api.errors import ApiError, errors, field_messages
from liaison.api.listing import Listing
from liaison.api.pagination import Page
from liaison.api.schemas import filter_params, form_input, row_output
from liaison.api.versions import expected_version, with_etag
from liaison.audit.services import log_view
from liaison.core import services
from liaison.core.registry import Family
from liaison.core.services import StaleRecordError

READ_ERRORS = errors(401, 404, 429)
LIST_ERRORS = errors(401, 403, 422, 429)
WRITE_ERRORS = errors(400, 401, 403, 404, 409, 422, 428, 429)
WORKFLOW = ("submit", "approve", "reject")


#: Where each family's records are in the API (model -> its list's path), for the readers
#: that walk every endpoint (the leak test).
PATHS: dict[type, str] = {}


class WorkflowIn(Schema):
    version: int | None = Field(None, ge=1, description="The version you read.")
    reason: str = Field("", max_length=500, description="Why it goes back to draft (reject).")


@dataclass
class Routes:
    """One family's API: its schemas, and the reads and writes all its routes share."""

    family: Family
    out: type[Schema]
    detail: type[Schema]
    audited: bool = False

    # Reads ----------------------------------------------------------------------------

    def require_shown(self, request) -> None:
        """A family some users may not open at all (the register) is refused whole, as
        its web pages are."""
        if not self.family.shown_to(request.user):
            raise ApiError(403, _("You may not open these records."))

    def record(self, request, pk: int):
        """The record with everything its detail shows, if the caller may see it."""
        record = get_object_or_404(self.family.detail_rows(request.user), pk=pk)
        if self.family.is_record:
            record.__dict__["_visible_to"] = {request.user.pk: True}
        return record

    def shown(self, request, response, pk: int, *, status: int = 200):
        record = self.record(request, pk)
        if getattr(record, "is_confidential", False):
            log_view(record, request.user)
        with_etag(response, record)
        return Status(status, record)

    # Writes ---------------------------------------------------------------------------

    def form(self, request, record, payload: Schema, spec_form=None):
        """The family's form (or a row's) bound to the stored values and the client's."""
        form_class = spec_form or self.family.form
        given = payload.model_dump(exclude_unset=True)
        data = model_to_dict(record, fields=list(form_class._meta.fields))  # or defaults
        for field in record._meta.many_to_many:
            if field.name in data:
                data[field.name] = [item.pk for item in data[field.name]]
        data.update({key: value for key, value in given.items() if value is not None})
        form = form_class(data=data, instance=record, user=request.user)
        if not form.is_valid():
            messages = {field: [str(m) for m in errs] for field, errs in form.errors.items()}
            first = next(iter(messages.values()))[0]
            raise ApiError(422, first, "invalid", errors=messages)
        return form

    def stale(self, request, pk: int, error: StaleRecordError) -> ApiError:
        current = self.family.detail_rows(request.user).filter(pk=pk).first()
        extra = {}
        if current is not None:
            extra["current"] = self.detail.from_orm(current).model_dump(mode="json")
            extra["changed_by"] = str(current.updated_by) if current.updated_by else None
        return ApiError(409, error.messages[0], "stale", **extra)

    def write(self, request, pk: int | None, action):
        """Run `action()`; a stale version is a 409 with the current record."""
        try:
            return action()
        except StaleRecordError as error:
            raise self.stale(request, pk, error) from error
        except ValidationError as error:
            messages = field_messages(error)
            if getattr(error, "code", None) == "in_use":
                raise ApiError(409, error.messages[0], "in_use") from error
            first = next(iter(messages.values()), [""])[0]
            raise ApiError(422, first, "invalid", errors=messages) from error

    def save(self, request, record, form, version: int | None):
        user = request.user
        if self.family.is_reference:
            return services.save_reference(form.instance, user=user, version=version)
        data, many = form.changes()
        if record.pk is None:
            return services.create_record(self.family.model, user=user, data=data, many=many)
        reason = form.cleaned_data.get("reason") or ""
        return services.update_record(
            record, user=user, version=version, data=data, many=many, reason=reason
        )


def record_routes(
    router: Router,
    family: Family,
    *,
    path: str,
    out: type[Schema],
    audited: bool = False,
    listed_rows: tuple[str, ...] = (),
) -> Routes:
    """Add `family`'s routes under `/path/` to `router`; `out` is a record as a list shows it,
    with its `listed_rows` (a read shows every row; see api.listing). `audited`: every
    record read is logged, in lists too (the register)."""
    name, label = family.name, str(family.model.__name__)
    rows_out = {
        rows: row_output(spec.form, f"{label}{rows.title().replace('_', '')}Row")
        for rows, spec in family.rows.items()
    }
    detail = create_model(
        f"{label}Detail",
        __base__=out,
        **{rows: (list[schema], []) for rows, schema in rows_out.items()},
    )
    listing = Listing(family, out, {rows: rows_out[rows] for rows in listed_rows})
    routes = Routes(family, out, detail, audited)
    PATHS[family.model] = f"/api/v1/{path}/"
    filters = filter_params(family.filterset, f"{label}Query")

    @router.get(
        f"/{path}/",
        response={200: Page[listing.schema], **LIST_ERRORS},
        operation_id=f"{name}_list",
        summary=f"List {path}",
    )
    def list_records(request, params: Query[filters]):
        routes.require_shown(request)
        values = params.model_dump(exclude={"limit", "offset"}, exclude_none=True)
        filterset = family.filterset(values, queryset=family.visible(request.user), request=request)
        if not filterset.is_valid():
            messages = {field: [str(m) for m in errs] for field, errs in filterset.errors.items()}
            raise ApiError(422, next(iter(messages.values()))[0], "invalid", errors=messages)
        page = listing.page(filterset.qs, params, request.user)
        if audited:
            shown = [record["id"] for record in page["results"]]
            for record in family.model._base_manager.filter(pk__in=shown):
                log_view(record, request.user)
        return page

    @router.get(
        f"/{path}/{{int:pk}}",
        response={200: detail, **READ_ERRORS},
        operation_id=f"{name}_read",
        summary=f"Read one of {path}",
    )
    def read_record(request, pk: int, response: HttpResponse):
        return routes.shown(request, response, pk)

    if family.form is None:
        return routes
    payload_schema = form_input(family.form, f"{label}In")

    @router.post(
        f"/{path}/",
        response={201: detail, **WRITE_ERRORS},
        operation_id=f"{name}_create",
        summary=f"Create one of {path}",
    )
    def create(request, payload: payload_schema, response: HttpResponse):
        services.require_perm(request.user, "add", family.model)
        record = family.model()
        form = routes.form(request, record, payload)
        saved = routes.write(request, None, lambda: routes.save(request, record, form, None))
        return routes.shown(request, response, saved.pk, status=201)

    @router.patch(
        f"/{path}/{{int:pk}}",
        response={200: detail, **WRITE_ERRORS},
        operation_id=f"{name}_update",
        summary=f"Change one of {path}",
    )
    def update(request, pk: int, payload: payload_schema, response: HttpResponse):
        record = routes.record(request, pk)
        services.require_perm(request.user, "change", record)
        version = expected_version(request, payload.version)
        form = routes.form(request, record, payload)
        routes.write(request, pk, lambda: routes.save(request, record, form, version))
        return routes.shown(request, response, pk)

    @router.delete(
        f"/{path}/{{int:pk}}",
        response={204: None, **WRITE_ERRORS},
        operation_id=f"{name}_delete",
        summary=f"Delete one of {path}",
    )
    def delete(request, pk: int):
        record = routes.record(request, pk)
        services.require_perm(request.user, "delete", record)
        version = expected_version(request)
        if family.is_reference:
            routes.write(
                request,
                pk,
                lambda: services.delete_reference(record, user=request.user, version=version),
            )
        else:
            routes.write(
                request,
                pk,
                lambda: services.delete_record(record, user=request.user, version=version),
            )
        return Status(204, None)

    if family.is_record:
        for step in WORKFLOW:
            _workflow_route(router, routes, path, step)
    for rows, spec in family.rows.items():
        _rows_routes(router, routes, path, rows, spec)
    return routes


def _workflow_route(router: Router, routes: Routes, path: str, step: str) -> None:
    summaries = {"submit": "Submit for approval", "approve": "Approve", "reject": "Return to draft"}

    @router.post(
        f"/{path}/{{int:pk}}/{step}",
        response={200: routes.detail, **WRITE_ERRORS},
        operation_id=f"{routes.family.name}_{step}",
        summary=summaries[step],
    )
    def workflow(request, pk: int, payload: WorkflowIn, response: HttpResponse):
        record = routes.record(request, pk)
        version = expected_version(request, payload.version)
        arguments = {"user": request.user, "version": version}
        if step == "reject":
            arguments["reason"] = payload.reason
        routes.write(request, pk, lambda: getattr(services, step)(record, **arguments))
        return routes.shown(request, response, pk)


def _rows_routes(router: Router, routes: Routes, path: str, rows: str, spec) -> None:
    name, label = routes.family.name, routes.family.model.__name__
    row_in = form_input(spec.form, f"{label}{rows.title().replace('_', '')}In")

    @router.post(
        f"/{path}/{{int:pk}}/{rows}",
        response={201: routes.detail, **WRITE_ERRORS},
        operation_id=f"{name}_{rows}_add",
        summary=f"Add to the {rows.replace('_', ' ')}",
    )
    def add_row(request, pk: int, payload: row_in, response: HttpResponse):
        record = routes.record(request, pk)
        if not spec.applies(record):
            raise ApiError(404, _("This record has no such rows."))
        services.require_perm(request.user, "change", record)
        version = expected_version(request, payload.version)
        model = spec.form._meta.model
        row = model(**{model.parent_field: record})
        form = routes.form(request, row, payload, spec_form=spec.form)
        routes.write(
            request, pk, lambda: spec.save(form.instance, user=request.user, parent_version=version)
        )
        return routes.shown(request, response, pk, status=201)

    @router.delete(
        f"/{path}/{{int:pk}}/{rows}/{{int:row}}",
        response={200: routes.detail, **WRITE_ERRORS},
        operation_id=f"{name}_{rows}_remove",
        summary=f"Remove from the {rows.replace('_', ' ')}",
    )
    def remove_row(request, pk: int, row: int, response: HttpResponse):
        record = routes.record(request, pk)
        item = next((found for found in getattr(record, rows).all() if found.pk == row), None)
        if item is None:  # the rows shown are those the caller may see (prefetched so)
            raise ApiError(404, _("No such row, or you may not see it."))
        services.require_perm(request.user, "change", record)
        version = expected_version(request)
        routes.write(
            request, pk, lambda: spec.delete(item, user=request.user, parent_version=version)
        )
        return routes.shown(request, response, pk)
