from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Instrument, Response


class InstrumentViewSet(SnippetViewSet):
    model = Instrument
    icon = "tasks"
    menu_label = gettext_lazy("Self-assessment")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "is_default"]
    search_fields = ["title"]


register_snippet(InstrumentViewSet)


@hooks.register("before_delete_snippet")
def keep_answered_instruments(request, instances):
    """Learners' results are scored against the instrument's versions, so an
    instrument someone has answered stays; editors unpublish it instead."""
    answered = [
        instance
        for instance in instances
        if isinstance(instance, Instrument)
        and Response.objects.filter(version__instrument=instance).exists()
    ]
    if not answered:
        return None
    messages.error(
        request,
        _(
            "Learners have answered %(titles)s, and their results depend on it, "
            "so it cannot be deleted. Unpublish it instead."
        )
        % {"titles": ", ".join(f"“{instance}”" for instance in answered)},
    )
    return redirect(reverse("wagtailsnippets_assessments_instrument:list"))


@hooks.register("register_permissions")
def register_response_permissions():
    # Lets administrators grant "view any learner's result" to a group.
    return Permission.objects.filter(
        content_type__app_label="assessments", codename="view_any_response"
    )
