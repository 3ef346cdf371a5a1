"""Django's ModelBackend, reading a session's user together with the user's roles and
whether they have a second factor: every page asks for them (the chokepoint, the menu, the
permissions, the second-factor step), so they come in the same query as the user rather
than in one more each."""

from __future__ import annotations

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.core.choices import Role

#: Whether the user had a confirmed second factor when the request read them.
SECOND_FACTOR = "_has_second_factor"


def holds(role: str) -> str:
    return f"_holds_{role}"


def reader_annotations(user: str = "pk") -> dict:
    """Whether the user `user` names (a lookup to their id) holds each role and has a
    second factor, as annotations of one query (a user's, or an API token's)."""
    return {
        **{
            holds(role): Exists(Group.objects.filter(user=OuterRef(user), name=role))
            for role in Role.values
        },
        SECOND_FACTOR: Exists(TOTPDevice.objects.filter(user=OuterRef(user), confirmed=True)),
    }


def keep_reader_annotations(user, read) -> None:
    """What `reader_annotations` read on `read` (the user, or a row naming them), kept on
    `user` where the chokepoint and the second-factor step look."""
    if not user.is_superuser:  # a superuser holds every role (visibility.roles_of)
        user._liaison_roles = frozenset(r for r in Role.values if getattr(read, holds(r)))
    setattr(user, SECOND_FACTOR, getattr(read, SECOND_FACTOR))


@cache
def users_with_roles():
    """The users, each with `reader_annotations`; built once (a queryset is a description
    until it is read, and each request's filter reads a copy)."""
    return get_user_model()._default_manager.annotate(**reader_annotations())


class MemberBackend(ModelBackend):
    def get_user(self, user_id):
        user = users_with_roles().filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        keep_reader_annotations(user, user)
        return user
