from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("learn/courses/<int:course_id>/enrol/", views.enrol, name="enrol"),
    path("learn/courses/<int:course_id>/withdraw/", views.withdraw, name="withdraw"),
    path(
        "learn/lessons/<int:lesson_id>/complete/",
        views.lesson_complete,
        name="lesson_complete",
    ),
    path(
        "learn/lessons/<int:lesson_id>/quizzes/<slug:quiz_id>/",
        views.quiz_submit,
        name="quiz_submit",
    ),
    path(
        "learn/lessons/<int:lesson_id>/quizzes/<slug:quiz_id>/ask/",
        views.quiz_attempt_ask,
        name="quiz_attempt_ask",
    ),
    path(
        "learn/lessons/<int:lesson_id>/exercises/<slug:exercise_id>/",
        views.exercise_save,
        name="exercise_save",
    ),
]
