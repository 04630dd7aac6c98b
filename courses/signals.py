from django.dispatch import Signal

# Sent once per enrolment, inside the transaction that records the completion,
# with `enrolment`. Certificates listen to it; courses know nothing of them.
course_completed = Signal()
