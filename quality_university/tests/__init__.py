from . import test_access
from . import test_organisation
from . import test_process_register
from . import test_process_card
from . import test_translations
from . import test_ui
