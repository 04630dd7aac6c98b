"""Who may edit which trainer card.

A card linked to an account opens the learners of the card's courses (names,
e-mails, progress) to that account (selectors.enrolments_visible_to). So the link
is set only by those who hold "courses.link_trainer_account" (course managers,
superusers), and a trainer, who may change trainer cards in general, edits only
the card linked to their own account (never its link: the form leaves the field
out for them, see models.snippets.Trainer.panels)."""

from typing import Any

from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from .models.snippets import LINK_TRAINER_ACCOUNT

PER_CARD_ACTIONS = {"change", "delete"}


def links_trainer_accounts(user: Any) -> bool:
    """Whether `user` may link trainer cards to accounts, and so edit every card."""
    return user.is_active and user.has_perm(LINK_TRAINER_ACCOUNT)


class TrainerPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, except that editing or deleting a card that is
    not linked to oneself needs the right to link cards to accounts."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        for action in actions:
            if not self.user_has_permission(user, action):
                continue
            if (
                action not in PER_CARD_ACTIONS
                or links_trainer_accounts(user)
                or (instance.user_id is not None and instance.user_id == user.pk)
            ):
                return True
        return False

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        cards = self.model._default_manager.all()
        permitted = [a for a in actions if self.user_has_permission(user, a)]
        if not permitted:
            return cards.none()
        if links_trainer_accounts(user) or not set(permitted) <= PER_CARD_ACTIONS:
            return cards
        return cards.filter(user=user)
