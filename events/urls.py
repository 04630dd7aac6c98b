from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("sessions/<int:session_id>/register/", views.register, name="register"),
    path("sessions/<int:session_id>/cancel/", views.cancel, name="cancel"),
    path(
        "sessions/<int:session_id>/guest/",
        views.guest_register,
        name="guest_register",
    ),
    path(
        "registrations/<str:token>/",
        views.guest_registration,
        name="guest_registration",
    ),
]
