from . import survey_survey
