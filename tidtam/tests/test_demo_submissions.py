"""The demo province has a FY2569 submission history the analyst can work with."""

import pytest

from province.models import Submission, SubmissionStatus
from tidtam.demo.generate import Generator

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_realistic_fy2569_submission_history(reference_lists):
    from monitoring.models import PeriodLock

    Generator(seed=5, project_range=(40, 40), log=lambda *_: None).province(max_orgs=4)
    subs = Submission.objects.filter(fiscal_year=2569)
    statuses = set(subs.values_list("status", flat=True))
    assert {
        SubmissionStatus.APPROVED,
        SubmissionStatus.SUBMITTED,
        SubmissionStatus.RETURNED,
    } <= statuses
    assert subs.filter(status=SubmissionStatus.RETURNED).get().reasons.count() == 2
    assert not subs.filter(org__org_type="pao").exists()  # the อบจ. does not send to itself
    approved = subs.filter(status=SubmissionStatus.APPROVED).first()
    assert PeriodLock.objects.filter(org=approved.org, fiscal_year=2569).exists()  # locked
    assert subs.filter(period="y", status=SubmissionStatus.SUBMITTED).exists()  # waits for review
