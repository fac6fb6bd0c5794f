"""Thai digits (๐–๙), used in official documents."""

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def thai_digits(value: object) -> str:
    return str(value).translate(_TO_THAI)


def arabic_digits(value: str) -> str:
    return value.translate(_TO_ARABIC)
