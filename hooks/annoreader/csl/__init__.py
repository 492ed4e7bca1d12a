"""Works in the Citation Style Language's data model: their records, their formatting by a CSL processor, their exports."""
