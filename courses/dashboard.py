"""What other apps add to the learner's dashboard (`/dashboard/`), through two
Wagtail hooks, so the courses app need not know about them (certificates adds
its own). Register them in the app's `wagtail_hooks.py`; `order=` sets their
place (lower first):

    @hooks.register(LEARNER_DASHBOARD_PANELS, order=10)
    def my_panel(request): ...

- `learner_dashboard_panels`: called as `hook(request=request)`; returns a
  panel, `{"template": "<app>/dashboard_panel.html", **context}`, or None to show
  nothing. Panels follow the self-assessment section; the template gets the dict
  as `panel`.
- `learner_dashboard_completed_course`: called as
  `hook(request=request, enrolments=[...])` once with every completed enrolment
  on the dashboard; returns `{enrolment id: {"template": ..., **context}}` for the
  enrolments it has something for. The completed course's card includes each
  template with the dict as `extra`.
"""

from django.http import HttpRequest
from wagtail import hooks

LEARNER_DASHBOARD_PANELS = "learner_dashboard_panels"
LEARNER_DASHBOARD_COMPLETED_COURSE = "learner_dashboard_completed_course"


def panels(request: HttpRequest) -> list[dict]:
    """The panels the `learner_dashboard_panels` hooks give, in their order."""
    return [
        panel
        for hook in hooks.get_hooks(LEARNER_DASHBOARD_PANELS)
        if (panel := hook(request=request))
    ]


def completed_course_extras(request: HttpRequest, enrolments: list) -> dict[int, list]:
    """What the `learner_dashboard_completed_course` hooks show on each completed
    course's card, by enrolment id, in the hooks' order."""
    extras: dict[int, list] = {enrolment.pk: [] for enrolment in enrolments}
    if not enrolments:
        return extras
    for hook in hooks.get_hooks(LEARNER_DASHBOARD_COMPLETED_COURSE):
        for enrolment_id, extra in hook(request=request, enrolments=enrolments).items():
            extras.setdefault(enrolment_id, []).append(extra)
    return extras
