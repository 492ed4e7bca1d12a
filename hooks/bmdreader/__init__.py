"""An annotation engine that layers sidecar YAML (glossary terms, notes, ...) onto rendered essay pages."""
