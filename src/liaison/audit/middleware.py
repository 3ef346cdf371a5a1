from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware

from liaison.audit.services import client_address


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """auditlog's middleware with the client address read as django-axes reads it: auditlog
    alone takes the first X-Forwarded-For entry, which any client can write."""

    @staticmethod
    def _get_remote_addr(request):
        return client_address(request)
