from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext

from .forms import PROFILE_FIELDS
from .mail import mail_context
from .tasks import email_send

RETURNING_SESSION_KEY = "accounts_returning"


class AccountAdapter(DefaultAccountAdapter):
    def save_user(
        self, request: HttpRequest, user: Any, form: Any, commit: bool = True
    ):
        """Save the new user with the profile asked at sign-up, in one write."""
        user = super().save_user(request, user, form, commit=False)
        for name in PROFILE_FIELDS:
            if name in form.cleaned_data:
                setattr(user, name, form.cleaned_data[name])
        if form.cleaned_data.get("privacy_consent"):
            user.privacy_consent_at = timezone.now()
        if commit:
            user.save()
        return user

    def _get_login_attempts_cache_key(
        self, request: HttpRequest, **credentials: Any
    ) -> str:
        """One failed-log-in budget per account. allauth keys it by the site's
        domain too, which without a fixed site is the request's Host header, so
        every Host (e.g. "localhost:1") started a fresh budget."""
        login = credentials.get("email", credentials.get("username", ""))
        return f"login:{login.lower()}"

    def login(self, request: HttpRequest, user: Any) -> None:
        """Log in, remembering for the session whether the person had logged in
        before (Django overwrites last_login while logging in), so the
        dashboard says "Welcome back" only to someone who is back."""
        returning = user.last_login is not None
        super().login(request, user)
        request.session[RETURNING_SESSION_KEY] = returning

    def format_email_subject(self, subject: str) -> str:
        """The site's name before the subject, in the message's language
        ("[Akademija Kreativna mesta] …")."""
        return f"[{gettext('Creative Cities Academy')}] {force_str(subject)}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render the message in the request's language, naming the academy and
        linking to its public address; send it from a worker once the
        transaction that asked for it has committed."""
        context = mail_context({"email": email, **context})
        message = self.render_mail(template_prefix, email, context)
        html_body = next(
            (
                content
                for content, mime in getattr(message, "alternatives", [])
                if mime == "text/html"
            ),
            None,
        )
        email_send.delay_on_commit(
            subject=message.subject,
            body=message.body,
            from_email=message.from_email,
            to=list(message.to),
            html_body=html_body,
        )
