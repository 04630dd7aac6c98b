from django.dispatch import Signal

# Sent once per enrolment, inside the transaction that records the completion,
# with `enrolment`. Certificates listen to it; courses know nothing of them.
course_completed = Signal()

# Sent once per withdrawal (or cancelled request), inside the transaction that
# records it, with `enrolment` and `now`. Events cancels the learner's places
# at the sessions of their course run, so that the waitlist gets them.
enrolment_withdrawn = Signal()
