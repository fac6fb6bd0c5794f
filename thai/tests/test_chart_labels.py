"""Chart labels are cut between Thai words, never inside one; the full name stays for the
tooltip."""

import json

import pytest
from django.urls import reverse
from pythainlp.tokenize import word_tokenize

from thai.words import _width, chart_label, label_lines

LONG = "1 ยุทธศาสตร์การสานต่อแนวทางพระราชดำริ และการพัฒนาคุณภาพชีวิตของประชาชน"


def _boundaries(text: str) -> set[int]:
    cuts, at = {0}, 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        at += len(token)
        cuts.add(at)
    return cuts


@pytest.mark.parametrize("width", [12, 18, 22, 30, 40])
@pytest.mark.parametrize(
    "text",
    [LONG, "ยุทธศาสตร์ด้านการพัฒนาโครงสร้างพื้นฐาน", "ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจและการท่องเที่ยว"],
)
def test_every_line_ends_between_words(text, width):
    lines = label_lines(text, width, 2)
    assert 1 <= len(lines) <= 2
    cuts = _boundaries(text)
    at = 0
    for line in lines:
        body = line.removesuffix("…")
        start = text.index(body, at)
        assert start in cuts and start + len(body) in cuts, line  # no word cut in two
        assert _width(line) <= width or len(word_tokenize(body)) == 1  # one word wider than a line
        at = start + len(body)
    if at < len(text.rstrip()):
        assert lines[-1].endswith("…")  # the reader sees that it goes on
    else:
        assert "…" not in "".join(lines)


def test_the_reported_label_is_no_longer_cut_mid_word():
    assert "แนวทางพ\n" not in chart_label(LONG, 28) and "พระราชดำริ" in chart_label(LONG, 28)
    assert chart_label("สั้น") == "สั้น" and chart_label("") == ""


@pytest.mark.django_db
def test_dashboard_and_overview_send_full_names_and_word_cut_labels(client, cast, year_a):
    client.force_login(cast.alice)
    name = "1 ยุทธศาสตร์ด้านการพัฒนาโครงสร้างพื้นฐาน"
    body = client.get(reverse("monitoring:dashboard", args=[cast.a.code, 2568])).content.decode()
    data = json.loads(
        body.split('id="dash-data" type="application/json">')[1].split("</script>")[0]
    )
    assert name in data["strategies"]  # the tooltip's text, whole
    label = data["strategy_labels"][data["strategies"].index(name)]
    assert label == "1 ยุทธศาสตร์ด้านการพัฒนา\nโครงสร้างพื้นฐาน"  # not "…การพัฒนาโคร"
    body = client.get(reverse("plans:overview", args=[cast.a.code])).content.decode()
    data = json.loads(
        body.split('id="chart-data" type="application/json">')[1].split("</script>")[0]
    )
    assert data["legend"][name] == name  # short enough for the legend: whole
    for full, short in data["legend"].items():
        assert full.startswith(short.removesuffix("…")) and _width(short) <= 36
