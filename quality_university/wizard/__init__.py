from . import quality_document_destruction
