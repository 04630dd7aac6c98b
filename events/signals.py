"""What events announces, for the parts that build on it (calendar updates,
reminders, metrics). Sent inside the service's transaction: a receiver that
e-mails or enqueues does it on commit."""

from django.dispatch import Signal

# session_save changed the time or the place of a session: `session` (saved,
# its `sequence` grown) and `changed` (the names of the fields that changed,
# from Session.SCHEDULE_FIELDS).
session_changed = Signal()

# session_cancel cancelled a session: `session` (with cancelled_at, reason and
# the grown `sequence`).
session_cancelled = Signal()
