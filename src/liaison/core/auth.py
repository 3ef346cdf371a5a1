"""Django's ModelBackend, reading a session's user together with the user's roles: every
page asks for them (the chokepoint, the menu, the permissions), so they come in the same
query as the user rather than in one more."""

from __future__ import annotations

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from liaison.core.choices import Role


def holds(role: str) -> str:
    return f"_holds_{role}"


@cache
def users_with_roles():
    """The users, each with whether they hold each role; built once (a queryset is a
    description until it is read, and each request's filter reads a copy)."""
    return get_user_model()._default_manager.annotate(
        **{
            holds(role): Exists(Group.objects.filter(user=OuterRef("pk"), name=role))
            for role in Role.values
        }
    )


class MemberBackend(ModelBackend):
    def get_user(self, user_id):
        user = users_with_roles().filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        if not user.is_superuser:  # a superuser holds every role (visibility.roles_of)
            user._liaison_roles = frozenset(r for r in Role.values if getattr(user, holds(r)))
        return user
