from django.urls import path

from . import holder_views, views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("certificates/<str:code>/download/", views.download, name="download"),
    path("certificates/", holder_views.my_certificates, name="my_certificates"),
]

# Outside the language prefix (lms/urls.py): these addresses go into signed
# credentials and printed certificates, so they never change.
credential_urlpatterns = [
    path(
        "verify/<str:code>/credential.json",
        views.credential_json,
        name="credential_json",
    ),
    path(
        "verify/<str:code>/credential.jwt", views.credential_jwt, name="credential_jwt"
    ),
    path("verify/<str:code>/badge.png", views.credential_badge, name="badge"),
    path(
        "credentials/achievements/<int:course_id>/",
        views.achievement,
        name="achievement",
    ),
    path(
        "credentials/achievements/<int:course_id>/badge.png",
        views.achievement_badge,
        name="achievement_badge",
    ),
    path("credentials/status/<int:number>", views.status_list, name="status_list"),
    path(".well-known/did.json", views.did_document, name="did_document"),
]
