from . import hr_department
from . import hr_employee
from . import res_company
from . import res_config_settings
from . import res_users
from . import quality_process
from . import quality_process_activity
