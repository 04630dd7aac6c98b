"""The participation summary: learner sets per month, kept current by a periodic
task, so the dashboard answers in milliseconds at any volume and its figures stay
exact. docs/metrics.md describes what is stored, how each figure is computed from
it and when it is refreshed.

- `kinds`: what a stored set is about (`SetKind`), the refresh stamps' scopes;
- `codec`: how sets, numbers and keys are laid out in the stored rows;
- `periods`: months, the summary's grain;
- `compute`: a month's sets, its cohorts and the profile sets, from the records;
- `places`: counts by sector and city, derived from the sets;
- `refresh`: which months are recomputed, and when (periodic, nightly, on demand);
- reading: `filters` (what a figure is about), `participation` (the figures),
  `breakdowns`, `course_report`, `disclosure` (small counts shown as "<5"),
  `median`.
"""
