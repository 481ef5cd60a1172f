from . import quality_document_destruction
from . import quality_employment_import
from . import quality_employment_report_print
from . import quality_overview
