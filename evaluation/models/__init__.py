from evaluation.models.annual import AnnualReport
from evaluation.models.committee import Committee, CommitteeMember, Meeting, MemberRole, Seat
from evaluation.models.form1 import ChecklistAnswer, ChecklistItem, ChecklistTemplate
from evaluation.models.kpis import KPIResult
from evaluation.models.scoring import ScoreEntry, ScoreItem, ScoreSheet, ScoreTemplate
from evaluation.models.surveys import (
    SCALE_CHOICES,
    AgeBand,
    Answer,
    Band,
    BandScheme,
    Channel,
    Education,
    Occupation,
    Response,
    Scale,
    Sex,
    Survey,
    SurveyItem,
    SurveyTemplate,
)

__all__ = [
    "SCALE_CHOICES",
    "AgeBand",
    "AnnualReport",
    "Answer",
    "Band",
    "BandScheme",
    "Channel",
    "ChecklistAnswer",
    "ChecklistItem",
    "ChecklistTemplate",
    "Committee",
    "CommitteeMember",
    "Education",
    "KPIResult",
    "Meeting",
    "MemberRole",
    "Occupation",
    "Response",
    "Scale",
    "ScoreEntry",
    "ScoreItem",
    "ScoreSheet",
    "ScoreTemplate",
    "Seat",
    "Sex",
    "Survey",
    "SurveyItem",
    "SurveyTemplate",
]
