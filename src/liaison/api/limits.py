"""Rate limits per API token (a browser session counts per user): past the limit, 429 with
Retry-After. The limit is read from LIAISON_API_RATE_LIMIT on every request ("600/min";
empty: no limit), counted in Django's cache (per process unless CACHES says otherwise)."""

from __future__ import annotations

from django.conf import settings
from ninja.throttling import SimpleRateThrottle


class PerTokenThrottle(SimpleRateThrottle):
    cache_format = "liaison-api-rate-%(ident)s"

    def __init__(self):
        super().__init__(rate="1/s")  # replaced by the setting on every request

    def allow_request(self, request) -> bool:
        rate = getattr(settings, "LIAISON_API_RATE_LIMIT", "")
        if not rate:
            return True
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(rate)
        return super().allow_request(request)

    def get_cache_key(self, request) -> str | None:
        token = getattr(request, "api_token", None)
        if token is not None:
            ident = f"token-{token.pk}"
        elif request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            return None
        return self.cache_format % {"ident": ident}
