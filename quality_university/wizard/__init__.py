from . import quality_document_destruction
from . import quality_overview
