from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile_edit, name="profile"),
    path("privacy/", views.privacy, name="privacy"),
    path(
        "privacy/exports/<uuid:export_id>/",
        views.data_export_download,
        name="data_export_download",
    ),
    path("delete/", views.account_delete, name="delete"),
]
