from django import template

from liaison.audit.queries import may_audit

register = template.Library()


@register.filter
def audits(user) -> bool:
    """Whether the audit page is offered to `user` (administrators and superusers)."""
    return user.is_authenticated and may_audit(user)
