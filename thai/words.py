"""Thai text has no spaces between words: a search cuts the query into words (PyThaiNLP's
dictionary) so "ถนนหนองแวง" finds "ก่อสร้างถนน คสล. สายบ้านหนองแวง"."""

import re
import unicodedata

from thai.digits import arabic_digits

FILLER = {"โครงการ", "ของ", "และ", "ที่", "ใน", "การ", "ให้", "กับ", "เพื่อ"}


def search_terms(query: str) -> list[str]:
    """The words of a query, each to be found somewhere in the text (all of them, any order)."""
    from pythainlp.tokenize import word_tokenize

    text = arabic_digits(query).strip()
    if not text:
        return []
    terms = []
    for chunk in text.split():
        if re.fullmatch(r"[\w.\-/]+", chunk) and not re.search(r"[\u0e00-\u0e7f]", chunk):
            terms.append(chunk)  # a number, a code, a Latin word: as typed
            continue
        for token in word_tokenize(chunk, engine="newmm", keep_whitespace=False):
            token = token.strip(" .,()-/")
            if len(token) == 1 and not token.isdigit():
                continue  # a lone letter (ม. of ม.3) would match nearly everything
            if token and token not in FILLER and token not in terms:
                terms.append(token)
    return terms or [text]


def _width(text: str) -> int:
    """How wide a line looks: Thai vowel and tone marks above or below a letter take no room."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def label_lines(text: str, width: int = 24, max_lines: int = 2) -> list[str]:
    """A chart label in lines at most ``width`` letters wide, broken between Thai words (PyThaiNLP's
    dictionary), never inside one; what does not fit in ``max_lines`` ends with "…" after a whole
    word. The full text belongs in the chart's tooltip."""
    from pythainlp.tokenize import word_tokenize

    text = " ".join(text.split())
    if _width(text) <= width:
        return [text] if text else []
    lines: list[str] = []
    line = ""
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        if line and _width(line) + _width(token.rstrip()) > width:
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
            if len(lines) == max_lines:
                break
        else:
            line += token
    else:
        if line.strip():
            lines.append(line.rstrip())
        return lines
    words = word_tokenize(lines[-1], engine="newmm", keep_whitespace=True)
    while len(words) > 1 and _width("".join(words).rstrip()) + 1 > width:
        words.pop()  # drop whole words until "…" fits
    lines[-1] = "".join(words).rstrip() + "…"
    return lines


def chart_label(text: str, width: int = 24, max_lines: int = 2) -> str:
    """``label_lines`` joined by newlines (ECharts draws a newline as a line break)."""
    return "\n".join(label_lines(text, width, max_lines))
