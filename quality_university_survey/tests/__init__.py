from . import test_stakeholder_survey
