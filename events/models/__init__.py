from .attendance import Attendance
from .calendar import CalendarFeed
from .feedback import FeedbackAnswer
from .pages import EventIndexPage, EventPage, EventType
from .participants import RunParticipant
from .records import Registration, RegistrationNotice
from .sessions import (
    DEFAULT_TIME_ZONE,
    CourseRun,
    RunMode,
    Session,
    SessionKind,
    time_zone_names,
    validate_time_zone,
)

__all__ = [
    "Attendance",
    "CalendarFeed",
    "DEFAULT_TIME_ZONE",
    "CourseRun",
    "EventIndexPage",
    "FeedbackAnswer",
    "EventPage",
    "EventType",
    "Registration",
    "RegistrationNotice",
    "RunMode",
    "RunParticipant",
    "Session",
    "SessionKind",
    "time_zone_names",
    "validate_time_zone",
]
