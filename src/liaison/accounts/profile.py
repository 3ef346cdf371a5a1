"""The panels of a user's own account page, contributed by the apps that own them.

The account page is where a user manages what belongs to them alone: calendar feed
links, API tokens, the second factor, their sessions. Each of those lives in its own
app, so the page does not import them; each app registers a panel in its
`AppConfig.ready()` and the page shows the panels in `order`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass(frozen=True)
class ProfilePanel:
    """One section of the account page: a template and what it needs to render."""

    key: str
    template_name: str
    order: int = 100
    context: Callable[[HttpRequest], dict] = field(default=lambda request: {})


_panels: dict[str, ProfilePanel] = {}


def register_panel(panel: ProfilePanel) -> None:
    """Add (or replace, by key) a section of the account page."""
    _panels[panel.key] = panel


def panels() -> list[ProfilePanel]:
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.key))
