"""An annotation engine: sidecar YAML (glossary terms, notes, figures, questions ...) anchored by quotation and woven
into the rendered pages of a text, one unit per kind of annotation."""
