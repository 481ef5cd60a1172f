from . import quality_survey_xlsx
