"""Walk an app's pages as a person would (links from the menu and from each page, GET only) and
list the English words a page shows. Used by the tests (every page as every role) and by anyone
checking a deployment by hand."""

import re
from collections.abc import Set as AbstractSet
from html.parser import HTMLParser

# Words that are Thai officials' own usage, or names of formats, systems and standards.
ALLOWED = {
    "excel",
    "pdf",
    "docx",
    "xlsx",
    "csv",
    "json",
    "kpi",
    "kpis",
    "api",
    "line",
    "sdg",
    "sdgs",
    "nesdp",
    "qr",
    "url",
    "ita",
    "lpa",
    "e-plan",
    "eplan",
    "tab",
    "enter",
    "ctrl",
    "shift",
    "id",
    "ok",
    "email",
    "e-mail",
    "token",
    "bearer",
    "http",
    "https",
    "www",
    "gov",
    "th",
    "co",
    "go",
    "or",
    "ac",
    "in",
    "pdpa",
    "moi",
    "dla",
    "otp",
    "sms",
    "ms",
    "word",
    "open",
    "data",
    "odt",
    "ods",
    "zip",
    "cc",
    "by",
    "sa",
    "taro",
    "yamane",
    "likert",
    "png",
    "svg",
    "md",
    "utf",
    "opendata",
    "ci",
    "gps",
    "wifi",
    "nan",
    "e-bidding",
    "e-market",
    "jpg",
    "jpeg",
    "mb",
    "kb",
    "swot",
    "cctv",
    "thailand",
    "input",
    "process",
    "output",
    "outcome",
    "goal",
    "sarabun",
    "xls",
    "geojson",
    "oit",
    "webp",
    "exif",
    "oa",
}
WORD = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Za-z]")
URL = re.compile(r"(https?://|/)[^\s]+|\S+@\S+")  # links and addresses are not words
# a moment as the database keeps it (2026-12-01T14:40:07+00:00): a page shows local time, พ.ศ.
RAW_MOMENT = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\S*")
SHOWN_ATTRS = {"placeholder", "title", "aria-label", "alt"}
# Elements that start a new line of text: a phrase doubled across two of them is not a doubling.
BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "th",
    "tr",
    "option",
    "br",
    "label",
    "section",
    "header",
    "footer",
    "nav",
    "table",
    "ul",
    "ol",
    "button",
    "dt",
    "dd",
    "legend",
    "summary",
    "caption",
    "figcaption",
    "main",
    "article",
    "aside",
    "form",
    "select",
    "textarea",
}
# A Thai phrase (one to four words) said twice in a row: "ปีงบประมาณ 2570 · ปีงบประมาณ 2570".
DOUBLED = re.compile(
    r"(?<![\u0e00-\u0e7f])([\u0e00-\u0e7f]{4,}(?: [\u0e00-\u0e7f.\d]+){0,3})(?: +| *· *)\1"
    r"(?![\u0e00-\u0e7f])"
)
# Words that are never said twice in a row, even as the end of one word and the start of the
# next: "…รายจ่ายประจำปี ประจำปีงบประมาณ".
DOUBLED_WORD = re.compile(r"(ประจำปี|ปีงบประมาณ|พ\.ศ\.) +\1")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.chunks: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.chunks.append("\n")
        if tag in ("script", "style", "template", "noscript"):
            self.skip += 1
        values = dict(attrs)
        for name in SHOWN_ATTRS & set(values):
            self.chunks.append(f"\n{values[name] or ''}\n")  # shown apart from the text
        if tag == "input" and values.get("type") in ("submit", "button"):
            self.chunks.append(values.get("value") or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.chunks.append("\n")
        if tag in ("script", "style", "template", "noscript") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.chunks.append(data)


def read(html: str) -> tuple[str, list[str]]:
    """(the text a person sees, the links of the page)."""
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.chunks), parser.links


def english_words(text: str, extra: AbstractSet[str] = frozenset()) -> list[str]:
    """Latin-letter words outside the allow-list (and outside `extra`, e.g. the demo's codes),
    and moments written as the database keeps them."""
    found = RAW_MOMENT.findall(text)
    text = RAW_MOMENT.sub(" ", text)
    for word in WORD.findall(URL.sub(" ", text)):
        low = word.lower()
        if low in ALLOWED or low in extra or len(low) == 1:
            continue
        found.append(word)
    return found


def doubled_phrases(text: str, *, columns: bool = False) -> list[str]:
    """Phrases a line says twice in a row (line by line, so a heading and the cell under it that
    begin alike are not counted). ``columns``: the text is a page laid out in columns (pdftotext
    -layout), where two or more spaces part one cell from the next and the wrapped headers of
    neighbouring columns share a line, so only the words never said twice are checked."""
    found = []
    for line in text.splitlines():
        for part in re.split(r" {2,}", line) if columns else [line]:
            part = " ".join(part.split())
            checks = (DOUBLED_WORD,) if columns else (DOUBLED, DOUBLED_WORD)
            found += [m.group(0) for check in checks for m in check.finditer(part)]
    return found
