from . import test_stakeholder_survey
from . import test_survey_campaign
from . import test_survey_query_count
from . import test_survey_reports
from . import test_survey_kazakh_tour
from . import test_survey_kazakh_terms
