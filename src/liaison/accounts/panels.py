"""The account page's own sections: the second factor, and recent log-ins."""

from axes.models import AccessLog

from liaison.accounts import services
from liaison.accounts.profile import ProfilePanel

RECENT_LOGINS = 10


def second_factor_context(request) -> dict:
    user = request.user
    return {
        "enrolled": services.has_second_factor(user),
        "required": user.is_privileged,
        "codes_left": services.backup_codes_left(user),
    }


def logins_context(request) -> dict:
    """The user's latest log-ins as django-axes recorded them (address read past the
    trusted proxies, browser, when it ended)."""
    logins = AccessLog.objects.filter(username=request.user.get_username()).order_by(
        "-attempt_time"
    )[:RECENT_LOGINS]
    return {"logins": list(logins)}


second_factor_panel = ProfilePanel(
    key="second-factor",
    template_name="accounts/_second_factor_panel.html",
    order=30,
    context=second_factor_context,
)
logins_panel = ProfilePanel(
    key="logins", template_name="accounts/_logins_panel.html", order=40, context=logins_context
)
