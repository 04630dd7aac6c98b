from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from courses.roles import COURSE_MANAGERS, TRAINERS

LINK_TRAINER_ACCOUNT = "courses.link_trainer_account"


class TrainerForm(WagtailAdminModelForm):
    """The account select offers the accounts that may teach (members of the
    course roles, administrators), never every learner on the platform. Only
    those who may link cards to accounts see it at all (the panel's permission)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "user" in self.fields:
            may_teach = Q(is_active=True) & (
                Q(groups__name__in=[TRAINERS, COURSE_MANAGERS]) | Q(is_superuser=True)
            )
            if self.instance.user_id:
                may_teach |= Q(pk=self.instance.user_id)  # keep the current link
            self.fields["user"].queryset = (
                get_user_model()
                .objects.filter(may_teach)
                .distinct()
                .order_by("full_name", "email")
            )


class AccountLinkHelpPanel(HelpPanel):
    """Tells those who may not link the card to an account who does it."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return not self.request.user.has_perm(LINK_TRAINER_ACCOUNT)


class Trainer(TranslatableMixin, index.Indexed, models.Model):
    """A person who teaches courses. Linking the trainer's own account lets them
    see the learners of their courses in the admin. Because that link opens the
    learners' names and progress, only holders of "link_trainer_account" (course
    managers, superusers) set it; trainers edit the rest of their own card
    (courses.permissions.TrainerPermissionPolicy)."""

    name = models.CharField(_("name"), max_length=150)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("biography"), max_length=1500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainer_profiles",
        help_text=_("The trainer's own account, to see the learners of their courses."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user", permission=LINK_TRAINER_ACCOUNT),
        AccountLinkHelpPanel(
            content=_(
                "A course manager links this card to your account, so that you "
                "see the learners of your courses."
            ),
            heading=_("Account"),
        ),
    ]
    base_form_class = TrainerForm
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")
        ordering = ["name"]
        permissions = [
            ("link_trainer_account", _("Can link a trainer to an account")),
        ]

    def __str__(self) -> str:
        return self.name
