from . import quality_document_xlsx
