"""Which engine an index uses: recorded in the index folder at its first run, read back by every
command from the `--index` path (a Xapian stub file of shards is a Xapian index)."""
from __future__ import annotations

from pathlib import Path
from types import ModuleType

from .store import StoreError

ENGINES = ("whoosh", "xapian")
DEFAULT_ENGINE = "whoosh"
# The file in a Xapian index folder naming its engine; a folder without one is a Whoosh index
# (every index built before there was a choice), so a Whoosh folder holds Whoosh's files only.
ENGINE_FILE = "ENGINE"


def engine_of(index_path: Path) -> str:
    """The engine of the index at `index_path`: a stub file is Xapian's, a folder says its own."""
    index_path = Path(index_path)
    if index_path.is_file():
        return "xapian"
    recorded = index_path / ENGINE_FILE
    if recorded.is_file():
        name = recorded.read_text(encoding="utf-8").strip()
        if name not in ENGINES:
            raise StoreError(f"{recorded} names the engine {name!r}; the engines are "
                             f"{', '.join(ENGINES)}")
        return name
    return DEFAULT_ENGINE


def index_written(index_dir: Path) -> bool:
    """Whether an index run has written the folder (its engine recorded, or any index file)."""
    index_dir = Path(index_dir)
    return (index_dir / ENGINE_FILE).is_file() or (index_dir.is_dir() and any(
        path.name != "RUN.lock" for path in index_dir.iterdir()))


def choose_engine(index_dir: Path, wanted: str | None, create: bool = True) -> str:
    """The engine a run writes `index_dir` with: `wanted` (recorded for a new index when
    `create`), else the index's own; a different engine from the index's is refused."""
    index_dir = Path(index_dir)
    if index_dir.is_file():
        raise StoreError(f"{index_dir} is a stub file of Xapian shards: index each shard's own "
                         f"folder, on its machine")
    if not index_written(index_dir):
        engine = wanted or DEFAULT_ENGINE
        if create and engine != DEFAULT_ENGINE:
            store_module(engine)   # (the engine installed, before the folder says it is used)
            index_dir.mkdir(parents=True, exist_ok=True)
            (index_dir / ENGINE_FILE).write_text(engine + "\n", encoding="utf-8")
        return engine
    found = engine_of(index_dir)
    if wanted and wanted != found:
        raise StoreError(f"{index_dir} is a {found} index; index into a new folder to use "
                         f"{wanted}, or leave out --engine")
    return found


XAPIAN_MISSING = ("the Xapian engine needs the [xapian] extra: pip install "
                  "'minutes-search-service[xapian]' (or '.[xapian]' in the project)")


def store_module(engine: str) -> ModuleType:
    """The module that opens, reads and writes an index of `engine`: `open_index`,
    `PassageWriter` (`replace_source`, `replace_passages`, `commit`, `cancel`), `stored_hashes`,
    `stored_passages` and `clear_leftovers` under the same names in both."""
    if engine == "xapian":
        try:
            from .xapian_engine import store as xapian_store
        except ImportError:
            raise StoreError(XAPIAN_MISSING) from None
        return xapian_store
    from . import store
    return store
