"""The demo's people: every นาย has a man's given name, every นาง/นางสาว a woman's."""

import pytest

from tidtam.demo import details, evaluation
from tidtam.demo.generate import Generator

pytestmark = pytest.mark.django_db

TITLES = ("นางสาว", "นาง", "นาย")  # longest first: นางสาว begins with นาง, นาง with นา


def _given(name: str) -> tuple[str, str]:
    title = next(t for t in TITLES if name.startswith(t))
    return title, name.removeprefix(title).split()[0]


def test_titles_match_the_given_names(reference_lists):
    from evaluation.models import CommitteeMember
    from orgs.models import Division, Organization

    Generator(seed=7, project_range=(5, 5), log=lambda *_: None).province(max_orgs=2)
    women = set(details.WOMEN) | set(evaluation.FEMALE_FIRST_NAMES)
    names = [m.name for m in CommitteeMember.objects.all()]
    names += [o.executive_name for o in Organization.objects.exclude(executive_name="")]
    names += [d.head_name for d in Division.objects.exclude(head_name="")]
    people = [n for n in names if n.startswith(TITLES)]
    assert len(people) > 20
    for name in people:
        title, given = _given(name)
        assert (given in women) == (title != "นาย"), name
