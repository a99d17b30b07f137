"""Reading the repository: the intake of files, YAML, schemas, loaders and guest HTML."""
