from . import quality_document_xlsx
from . import quality_nonconformity_xlsx
from . import quality_employment_xlsx
from . import quality_rating_xlsx
