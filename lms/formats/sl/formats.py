"""Dates as Slovenian writes them, where Django's own formats do not: a long date
takes the month in the genitive ("27. novembra 2026": "E", whose names
locale_vendor/ supplies), a short one is numeric ("27. 11. 2026", where Django
gave "27. Nov. 2026"), and no full stop before the time. The rest stays Django's."""

DATE_FORMAT = "j. E Y"
DATETIME_FORMAT = "j. E Y, H:i"
MONTH_DAY_FORMAT = "j. E"
SHORT_DATE_FORMAT = "j. n. Y"
SHORT_DATETIME_FORMAT = "j. n. Y, H:i"
