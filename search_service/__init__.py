"""Full-text search over the published minutes of local council meetings."""
