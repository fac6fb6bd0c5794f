"""Text as people type it, without what no field of ours may hold.

NUL cannot be stored by PostgreSQL (a 500 before), other C0/C1 control characters and the
bidirectional overrides (U+202A–U+202E, U+2066–U+2069: "RTL override" spoofing) have no place in a
plan, a note or a name. Tab, line feed and carriage return stay; so do the zero-width characters
Thai text uses for word breaks.
"""

import re

HOSTILE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    return HOSTILE.sub("", text)


def has_hostile(text: str) -> bool:
    return bool(HOSTILE.search(text))
