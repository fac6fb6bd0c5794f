"""The survey templates an officer chooses from: one แบบที่ 3/2 (three levels, the DLA's form), and
the 5-level Likert survey of the overall performance under its own name."""

import pytest

from evaluation.forms import SurveyCreateForm
from evaluation.models import SurveyTemplate

pytestmark = pytest.mark.django_db


def test_each_template_has_its_own_name_and_only_the_dla_form_is_3_2():
    labels = [label for value, label in SurveyCreateForm().fields["template"].choices if value]
    assert len(labels) == len(set(labels)) == SurveyTemplate.objects.count()
    assert [label for label in labels if label.startswith("แบบที่ 3/2")] == [
        "แบบที่ 3/2 แบบประเมินความพึงพอใจต่อผลการดำเนินงานขององค์กรปกครองส่วนท้องถิ่นในภาพรวม"
    ]
    assert SurveyTemplate.objects.get(code="3_2").scale == "three"
    likert = SurveyTemplate.objects.get(code="likert_overall")
    assert likert.scale == "likert5" and "5 ระดับ" in str(likert)
    assert not str(likert).startswith("แบบที่ 3/2")
