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
from liaison.core.prepared import prepared

#: Whether the user had a confirmed second factor when the request read them.
SECOND_FACTOR = "_has_second_factor"


def holds(role: str) -> str:
    return f"_holds_{role}"


@cache
def users_with_roles():
    """The users, each with whether they hold each role and have a second factor; built
    once (a queryset is a description until it is read, and each request's filter reads a
    copy)."""
    return get_user_model()._default_manager.annotate(
        **{
            holds(role): Exists(Group.objects.filter(user=OuterRef("pk"), name=role))
            for role in Role.values
        },
        **{SECOND_FACTOR: Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))},
    )


class MemberBackend(ModelBackend):
    def get_user(self, user_id):
        """The session's user, in a query compiled once (core.prepared: its seven
        subqueries took longer to compile than to run)."""
        found = prepared(
            get_user_model(),
            "session_user",
            (),
            lambda pk: users_with_roles().filter(pk=pk),
            slot=int(user_id),
        )
        user = found[0] if found else None
        if user is None or not self.user_can_authenticate(user):
            return None
        if not user.is_superuser:  # a superuser holds every role (visibility.roles_of)
            user._liaison_roles = frozenset(r for r in Role.values if getattr(user, holds(r)))
        return user
