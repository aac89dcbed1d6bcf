"""Full-text search over the published minutes of local council meetings."""
# Every entry point reads Whoosh's segment files in place rather than copying them into memory.
from .engine import segment_files  # noqa: F401
