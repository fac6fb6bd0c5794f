"""Thai text has no spaces between words: a search cuts the query into words (PyThaiNLP's
dictionary) so "ถนนหนองแวง" finds "ก่อสร้างถนน คสล. สายบ้านหนองแวง"."""

import re

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
