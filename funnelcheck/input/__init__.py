"""Reading: paths to files, bytes to YAML with locations, and the schema step (with its
generated check). read -> locate -> validate."""
