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


def test_each_demo_login_is_the_person_the_documents_name(reference_lists):
    """mayor.buayai is the executive who signs the documents and approves the editions;
    committee.buayai is the committee member whose score sheet they fill in."""
    from django.contrib.auth import get_user_model

    from evaluation.models import CommitteeMember
    from orgs.models import Organization

    Generator(seed=7, project_range=(5, 5), log=lambda *_: None).province(max_orgs=2)
    users = get_user_model().objects
    org = Organization.objects.get(code="6300101")
    mayor, seat = users.get(username="mayor.buayai"), users.get(username="committee.buayai")
    assert org.executive_name.endswith(f"{mayor.first_name} {mayor.last_name}")
    member = CommitteeMember.objects.get(user=seat)
    assert member.name.endswith(f"{seat.first_name} {seat.last_name}")
    officer = users.get(username="officer.buayai")
    assert officer.get_full_name() != mayor.get_full_name()
    approvers = set(
        org.plans.get().editions.exclude(approver="").values_list("approver", flat=True)
    )
    assert approvers == {"นายกเทศมนตรีเมืองบัวใหญ่"}
