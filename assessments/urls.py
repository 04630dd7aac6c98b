"""Included by the project inside i18n_patterns as
`path("assessment/", include("assessments.urls"))`: /sl/assessment/, /en/assessment/."""

from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("start/", views.start, name="start"),
    path("history/", views.history, name="history"),
    path("<uuid:response_id>/step/<int:number>/", views.step, name="step"),
    path("results/<uuid:response_id>/", views.result, name="result"),
]
