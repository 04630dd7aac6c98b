from django.urls import path

from . import attendance_views, calendar_views, export_views, feedback_views, views

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
        "sessions/<int:session_id>/check-in/screen/",
        attendance_views.check_in_screen,
        name="check_in_screen",
    ),
    path(
        "sessions/<int:session_id>/check-in/screen/state/",
        attendance_views.check_in_screen_state,
        name="check_in_screen_state",
    ),
    path(
        "sessions/<int:session_id>/check-in/<str:code>/",
        attendance_views.check_in,
        name="check_in",
    ),
    path(
        "sessions/<int:session_id>/attend-online/",
        attendance_views.attend_online,
        name="attend_online",
    ),
    path(
        "sessions/<int:session_id>/attendance/",
        attendance_views.sheet,
        name="attendance_sheet",
    ),
    path(
        "sessions/<int:session_id>/attendance/sign-in.pdf",
        export_views.sign_in_sheet_pdf,
        name="sign_in_sheet_pdf",
    ),
    path(
        "sessions/<int:session_id>/attendance/sign-in.xlsx",
        export_views.sign_in_sheet_xlsx,
        name="sign_in_sheet_xlsx",
    ),
    path(
        "sessions/<int:session_id>/calendar.ics",
        calendar_views.session_ics,
        name="session_ics",
    ),
    path("calendar/", calendar_views.my_calendar, name="my_calendar"),
    path("calendar/reset/", calendar_views.my_calendar_reset, name="my_calendar_reset"),
    path(
        "registrations/<str:token>/",
        views.guest_registration,
        name="guest_registration",
    ),
    path(
        "sessions/<int:session_id>/feedback/",
        feedback_views.session_survey,
        name="feedback_session",
    ),
    path("runs/<int:run_id>/feedback/", feedback_views.run_survey, name="feedback_run"),
    path(
        "feedback/<str:token>/",
        feedback_views.guest_survey,
        name="feedback_guest",
    ),
]
