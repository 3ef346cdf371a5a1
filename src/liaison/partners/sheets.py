"""The sheets of places, bodies, memberships and obligations: their columns and keys."""

from django.utils.translation import gettext_lazy as _

from liaison.core import services
from liaison.core.visibility import roles_of
from liaison.partners.models import Membership, Obligation, PartnerBody, Place
from liaison.partners.services import add_obligation
from liaison.sheets import columns as c
from liaison.sheets.records import by_number, finder, in_lookup, saver, state
from liaison.sheets.registry import SheetKind

PLACES = c.Lookup(
    _("place"),
    records=lambda user: Place.objects.all() if roles_of(user) else Place.objects.none(),
    names=lambda place: (place.name_zh_hant, place.name_pt, place.name_en, *place.aliases),
    name=lambda place: place.name_zh_hant,
)
BODIES = c.Lookup(
    _("body"),
    records=lambda user: PartnerBody.objects.visible_to(user).filter(agency=user.agency_id),
    names=lambda body: body.all_names,
    name=lambda body: body.name_zh_hant,
)
MEMBERSHIPS = c.Lookup(
    _("membership"),
    records=lambda user: Membership.objects.visible_to(user).select_related("body"),
    names=lambda membership: membership.body.all_names,
    name=lambda membership: membership.body.name_zh_hant,
)


def names(model, field: str = "name") -> tuple[c.Column, ...]:
    return (
        c.text(model, f"{field}_zh_hant", required=True),
        c.text(model, f"{field}_pt"),
        c.text(model, f"{field}_en"),
    )


def _place_key(read, ctx):
    written = read.get("name_zh_hant")
    if not written:
        return None
    found = [place for place in PLACES.matches(ctx, written) if place.kind == read.get("kind")]
    return found[0] if found else None


def _save_place(place, changes, ctx, where):
    if place is None:
        saved = services.create_reference(Place, user=ctx.user, data=changes.data)
    else:
        for name, value in changes.data.items():
            setattr(place, name, value)
        saved = services.save_reference(place, user=ctx.user, version=place.version)
    PLACES.add(ctx, saved)
    return saved


PLACE_SHEET = SheetKind(
    name="place",
    label=Place._meta.verbose_name_plural,
    model=Place,
    columns=(
        c.identity(Place),
        *names(Place),
        c.choice(Place, "kind", required=True),
        c.choice(Place, "region_group", required=True),
        c.link(Place, "parent", PLACES),
        c.texts(Place, "aliases"),
    ),
    find=lambda read, ctx: (
        by_number(Place, read, ctx, Place.objects.all()) or _place_key(read, ctx)
    ),
    save=_save_place,
    permission="partners.add_place",
    select=("parent",),
)

BODY_SHEET = SheetKind(
    name="body",
    label=PartnerBody._meta.verbose_name_plural,
    model=PartnerBody,
    columns=(
        c.identity(PartnerBody),
        *names(PartnerBody),
        c.text(PartnerBody, "acronym"),
        c.texts(PartnerBody, "aliases"),
        c.choice(PartnerBody, "kind"),
        c.choice(PartnerBody, "region_group"),
        c.link(PartnerBody, "place", PLACES),
        c.link(PartnerBody, "parent", BODIES),
        c.text(PartnerBody, "website"),
        c.choice(PartnerBody, "classification"),
        state(),
    ),
    find=finder(PartnerBody, in_lookup(BODIES, "name_zh_hant")),
    save=saver(PartnerBody, BODIES),
    permission="partners.add_partnerbody",
    select=("place", "parent"),
)


def _membership_key(read, ctx):
    body = read.get("body")
    rows = Membership.objects.visible_to(ctx.user)
    return rows.filter(body=body).first() if body is not None else None


MEMBERSHIP_SHEET = SheetKind(
    name="membership",
    label=Membership._meta.verbose_name_plural,
    model=Membership,
    columns=(
        c.identity(Membership),
        c.link(Membership, "body", BODIES, required=True),
        c.choice(Membership, "status"),
        c.day(Membership, "since"),
        c.day(Membership, "until"),
        c.text(Membership, "notes"),
        c.choice(Membership, "classification"),
        state(),
    ),
    find=finder(Membership, _membership_key),
    save=saver(Membership, MEMBERSHIPS),
    permission="partners.add_membership",
    select=("body",),
)


def _obligation_key(read, ctx):
    membership, title = read.get("membership"), read.get("title_zh_hant")
    if membership is None or not title:
        return None
    rows = Obligation.objects.visible_to(ctx.user).filter(
        membership=membership, due_date=read.get("due_date")
    )
    return next((row for row in rows if c.folded(row.title_zh_hant) == c.folded(title)), None)


def _save_obligation(obligation, changes, ctx, where):
    if obligation is not None:
        return saver(Obligation)(obligation, changes, ctx, where)
    data = dict(changes.data)
    return add_obligation(data.pop("membership"), user=ctx.user, data=data)


OBLIGATION_SHEET = SheetKind(
    name="obligation",
    label=Obligation._meta.verbose_name_plural,
    model=Obligation,
    columns=(
        c.identity(Obligation),
        c.link(Obligation, "membership", MEMBERSHIPS, required=True),
        *names(Obligation, "title"),
        c.choice(Obligation, "kind", required=True),
        c.day(Obligation, "due_date", required=True),
        c.choice(Obligation, "status"),
        c.day(Obligation, "completed_on"),
        c.choice(Obligation, "classification"),
        state(),
    ),
    find=finder(Obligation, _obligation_key),
    save=_save_obligation,
    permission="partners.add_obligation",
    select=("membership__body",),
)

SHEETS = (PLACE_SHEET, BODY_SHEET, MEMBERSHIP_SHEET, OBLIGATION_SHEET)
