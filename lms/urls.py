from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import admin_views as account_admin_views
from accounts import views as account_views
from certificates.urls import credential_urlpatterns
from certificates.views import verify_redirect
from events import calendar_views as events_calendar_views
from home import serving

from . import views

urlpatterns = [
    # Wagtail's log-in form would skip allauth's checks (confirmed address,
    # failed-log-in budget, second factor): the site's log-in answers instead.
    path("cms/login/", account_views.admin_login, name="wagtailadmin_login"),
    # Wagtail's account page changed the login e-mail and password outside
    # allauth: ours leaves both to the site's pages.
    path("cms/account/", account_admin_views.account, name="wagtailadmin_account"),
    path("cms/", include(wagtailadmin_urls)),
    # Wagtail's password form for private documents, through lms.views first.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        views.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    # The address printed on certificates and in their QR code: no language
    # prefix, so it never changes; it redirects to the visitor's language.
    path("verify/<str:code>/", verify_redirect, name="verify_unprefixed"),
    # A certificate's credential in its three forms, the achievements, status
    # list and DID document they name: no prefix either (they are signed).
    path("", include((credential_urlpatterns, "credentials"))),
    # A person's calendar feed, which calendar apps fetch by its secret token:
    # no prefix (the address must never change with the language).
    path(
        "calendar/<str:token>.ics",
        events_calendar_views.calendar_feed,
        name="calendar_feed",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("profile/", include("accounts.urls")),
    path("", include("courses.urls")),
    path("assessment/", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("events/", include("events.urls")),
    # Wagtail's password form for private pages, through lms.views first.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/"
        "<int:page_id>/",
        views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail serves every other page, in the language of the prefix (the site
    # and its root page from the cache: home.serving).
    re_path(serving.SERVE_PATTERN, serving.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
