from . import quality_nonconformity_xlsx
