"""progress.yaml: read, checked, described (JSON Schema) and edited. The load stage of the plan."""
