"""A logged-in officer's HTTP client for the loopback deployment, and an HTML form reader.

The stack runs as in production (LIAISON_DEBUG=0 behind a TLS-terminating balancer), so its
cookies are marked Secure and its CSRF check wants an https Referer; on loopback the client
speaks plain http, sends those cookies anyway, and says what the balancer would say.
"""

from __future__ import annotations

from html.parser import HTMLParser

import requests

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


class Officer(requests.Session):
    """One officer's browser: `base` is the balancer or one host (then it speaks as the
    balancer does, with X-Forwarded-Proto)."""

    def __init__(self, base: str):
        super().__init__()
        self.base = base
        self.headers.update(
            {"X-Forwarded-Proto": "https", "Referer": base.replace("http:", "https:") + "/"}
        )

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", 30)
        response = super().request(method, self.base + url, *args, **kwargs)
        for cookie in self.cookies:
            cookie.secure = False  # loopback is plain http; the balancer would be https
        return response

    def at(self, base: str) -> Officer:
        """The same officer (the same session cookie) talking to another host."""
        other = Officer(base)
        other.cookies.update(self.cookies)
        return other

    def log_in(self, username: str) -> Officer:
        form = read_form(self.get("/login/").text, "/login/")
        form.update(username=username, password=PASSWORD)
        response = self.post("/login/", data=form, allow_redirects=False)
        assert response.status_code == 302, response.text[:500]
        return self

    def forget_own_writes(self) -> None:
        """Drop the cookie that pins this client to the primary (as its expiry would)."""
        self.cookies.pop("liaison_primary", None)

    def submit(self, page: str, files=None, **fields) -> requests.Response:
        """GET a page, fill the form that posts to the page itself, and POST it."""
        form = read_form(self.get(page).text)
        form.update(fields)
        return self.post(page, data=form, files=files, allow_redirects=False)


class FormReader(HTMLParser):
    """The values a browser would send for each POST form of a page, by its action."""

    def __init__(self):
        super().__init__()
        self.forms: dict[str, dict] = {}
        self.fields: dict[str, str | list[str]] = {}
        self.inside = False
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.inside = True
            self.fields = self.forms.setdefault(attrs.get("action") or "", {})
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file", "button"):
            checkable = attrs.get("type") in ("checkbox", "radio")
            if not checkable or "checked" in attrs:
                self.fields[name] = attrs.get("value") or ("on" if checkable else "")
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, [] if "multiple" in attrs else "")
        elif tag == "option" and self.select and "selected" in attrs:
            value = attrs.get("value", "")
            if isinstance(self.fields[self.select], list):
                self.fields[self.select].append(value)
            else:
                self.fields[self.select] = value
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = ""

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.fields[self.textarea] = self.fields[self.textarea].removeprefix("\n")
            self.textarea = None
        elif tag == "form":
            self.inside = False


def read_form(html: str, action: str = "") -> dict:
    """The form posting to `action` ("": to the page itself)."""
    reader = FormReader()
    reader.feed(html)
    assert action in reader.forms, f"no form posting to {action!r}: {list(reader.forms)}"
    return dict(reader.forms[action])
