from . import quality_survey_campaign_summary
