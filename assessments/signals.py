from django.dispatch import Signal

# Sent with `response` inside the transaction that submits it. Courses listen to
# link a result to a course taken before it; assessments knows nothing of them.
response_submitted = Signal()
