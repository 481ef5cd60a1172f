from . import survey_invite
