"""The command line: thin click wrappers, each calling one library function."""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import itertools
import json
import logging
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from .crawl import CrawlError, default_cache_dir
from .engine import english
from .engine.choice import ENGINES, engine_of, store_module
from .engine.store import IndexBusyError, StoreError, default_index_dir, open_index
from .evaluate import CorpusError, evaluate_corpus, format_report, read_hosts
from .glossary import SHIPPED, Definition
from .index_glossary import definitions_in
from .model import Passage
from .pipeline.crawling import CrawlReport, crawl_site
from .pipeline.indexing import index_documents
from .pipeline.report import IndexReport
from .pipeline.retag import retag_index
from .progress import RunProgress
from .relevance import (build_index, format_relevance, labelled_queries, labelled_snippets,
                        score_queries)
from .readers import Reader, WhooshReader
from .search import MAX_PAGE, MAX_PAGE_SIZE, QueryError, SearchRequest, SearchResults
from .segment import split_document
from .serialize import exported_record, split_record
from .sources import SourceError, read_paths
from .sources.moderngov import read_cache
from .topics import TAXONOMY_ENV, Taxonomy, TaxonomyError, load_taxonomy
from .web.present import meeting_label

log = logging.getLogger(__name__)

index_option = click.option(
    "--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Index folder (default: $SEARCH_SERVICE_INDEX or ./index).")
# The commands that read an index: a Xapian stub file of shards is one too.
read_index_option = click.option(
    "--index", "index_dir", type=click.Path(path_type=Path), default=None,
    help="Index folder, or a Xapian stub file of shards (default: $SEARCH_SERVICE_INDEX or "
         "./index).")


taxonomy_option = click.option(
    "--taxonomy", "taxonomy_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help=f"Topic taxonomy TOML file (default: ${TAXONOMY_ENV} or the shipped one).")


def resolve_index(index_dir: Path | None) -> Path:
    """The index folder the user chose, or the default."""
    return index_dir or default_index_dir()


def resolve_taxonomy(taxonomy_file: Path | None) -> Taxonomy:
    """The taxonomy the user chose, or the default; a bad file is a one-line error."""
    try:
        return load_taxonomy(taxonomy_file)
    except TaxonomyError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, for debugging.")
def cli(verbose: bool) -> None:
    """Search the published minutes of council meetings."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@cli.command("split", short_help="Print the passages of documents, not indexing.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per passage per line.")
@click.argument("paths", nargs=-1, required=True)
def split_command(as_json: bool, paths: tuple[str, ...]) -> None:
    """Print the passages of each document without indexing."""
    failed = False
    for document in read_paths(paths):
        if isinstance(document, SourceError):
            click.echo(f"error: {document}", err=True)
            failed = True
            continue
        for passage in split_document(document):
            if as_json:
                click.echo(json.dumps(split_record(passage, document.source), ensure_ascii=False))
            else:
                click.echo(format_passage(passage))
    if failed:
        sys.exit(1)


def format_passage(passage: Passage) -> str:
    """A passage as readable text for the terminal."""
    head = f"[{passage.kind}]"
    if passage.speaker:
        head += f" {passage.speaker}"
    if passage.item.title:
        head += f" — {passage.item.number + ' ' if passage.item.number else ''}{passage.item.title}"
    return f"{head}\n{shown_text(passage)}\n"


def shown_text(passage: Passage) -> str:
    """A passage's question and answer, else its text, indented for the terminal."""
    if passage.shows_exchange:
        return f"  Q: {passage.question}\n  A: {passage.answer}"
    return f"  {passage.text}"


# Exit status of a run refused because another holds the index (EX_TEMPFAIL: try again later).
EXIT_BUSY = 75


class IndexBusy(click.ClickException):
    """Another run holds the index: a message and an exit status of its own."""

    exit_code = EXIT_BUSY


def run_with_progress(run: Callable[[RunProgress], IndexReport | CrawlReport]) -> None:
    """Run an index or crawl with progress on stderr, print its summary and exit as cron needs.

    Exit status 0 when every source was indexed, 1 when any failed (the others are indexed),
    75 when another run holds the index.
    """
    progress = RunProgress()
    try:
        report = run(progress)
    except IndexBusyError as exc:
        raise IndexBusy(str(exc)) from None
    except (StoreError, CrawlError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        progress.finish()
    click.echo(report.summary())
    if report.errors:
        sys.exit(1)


@cli.command("index", short_help="Index files and folders of minutes.")
@index_option
@taxonomy_option
@click.option("--wait", is_flag=True, help="Wait for another run to finish instead of exiting.")
@click.option("--from-cache", "cache_dirs", multiple=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="Also index every meeting page kept in this crawl cache (repeatable): "
                   "re-index without re-crawling.")
@click.option("--engine", type=click.Choice(ENGINES),
              help="The engine of a new index (default whoosh; xapian needs the [xapian] "
                   "extra), recorded in it; an existing index keeps its own.")
@click.argument("paths", nargs=-1)
def index_command(index_dir: Path | None, taxonomy_file: Path | None, wait: bool,
                  cache_dirs: tuple[Path, ...], engine: str | None,
                  paths: tuple[str, ...]) -> None:
    """Index files or directories (.txt, .html/.htm, .jsonl), or a crawl's cache."""
    if not paths and not cache_dirs:
        raise click.UsageError("give files or directories to index, or --from-cache DIR")
    taxonomy = resolve_taxonomy(taxonomy_file)
    documents = itertools.chain(read_paths(paths), *(read_cache(d) for d in cache_dirs))
    run_with_progress(lambda progress: index_documents(
        resolve_index(index_dir), documents, wait=wait, progress=progress.document,
        taxonomy=taxonomy, engine=engine))


@cli.command("crawl", short_help="Crawl a ModernGov site into the index.")
@index_option
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
              help="Meetings on or after this date (default: a year before the last complete "
                   "crawl of the site, or all meetings on the first crawl).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]),
              help="Meetings on or before this date (default: today).")
@click.option("--committee", "committee_ids", multiple=True, metavar="ID",
              help="Only this committee, by its id in GetCommittees (repeatable).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder keeping fetched pages (default: $SEARCH_SERVICE_CACHE or ./cache).")
@click.option("--delay", type=click.FloatRange(0), default=1.0, show_default=True,
              help="Seconds between requests to the site.")
@click.option("--timeout", type=click.FloatRange(0.1), default=30.0, show_default=True,
              help="Seconds to wait for the site to answer a request.")
@click.option("--council", help="Council name for every passage (default: the name the site "
              "gives itself in its page title or footer, else one made from its host).")
@click.option("--wait", is_flag=True, help="Wait for another run to finish instead of exiting.")
@click.argument("base_url")
def crawl_command(index_dir: Path | None, since: dt.datetime | None, until: dt.datetime | None,
                  committee_ids: tuple[str, ...], cache_dir: Path | None, delay: float,
                  timeout: float, council: str | None, wait: bool, base_url: str) -> None:
    """Crawl a ModernGov site (e.g. https://democracy.example.gov.uk) into the index."""
    run_with_progress(lambda progress: crawl_site(
        base_url, resolve_index(index_dir), cache_dir or default_cache_dir(),
        since=since.date() if since else None, until=until.date() if until else None,
        committee_ids=committee_ids, council=council, delay=delay, timeout=timeout, wait=wait,
        progress=progress.document, on_meeting=progress.meetings))


@cli.command("search", short_help="Search the index.")
@read_index_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit per line.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True,
              help="Number of hits.")
@click.option("--page", type=click.IntRange(1, 1000), default=1, help="Page of hits.")
@click.option("--all", "every_page", is_flag=True,
              help="Every hit, page after page, not grouped by agenda item (with --json: to "
                   "export a search).")
@click.option("--group/--no-group", "group", default=None,
              help="At most two passages of one agenda item, the rest counted (\"N more from "
                   "this item\"), as the web page lists them. Default: grouped, except with "
                   "--json, which lists every passage in rank order for scripts.")
@click.option("--kind", multiple=True,
              type=click.Choice(["qa", "statement", "decision"], case_sensitive=False),
              help="Only passages of this kind (repeatable).")
@click.option("--committee", multiple=True, help="Only this committee (repeatable).")
@click.option("--council", multiple=True, help="Only this council (repeatable).")
@click.option("--speaker", multiple=True, help="Only this speaker (repeatable).")
@click.option("--topic", multiple=True, help="Only this topic (repeatable).")
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]),
              help="Meetings on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]),
              help="Meetings on or before this date (YYYY-MM-DD).")
@click.option("--include-routine", is_flag=True,
              help="Include routine items (apologies, declarations of interest, approval of "
                   "the last minutes, the next meeting's date), left out by default.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]),
              default="relevance", show_default=True, help="Order of hits.")
@click.argument("query", nargs=-1)
def search_command(index_dir: Path | None, as_json: bool, limit: int, page: int,
                   every_page: bool, group: bool | None, kind: tuple[str, ...],
                   committee: tuple[str, ...], council: tuple[str, ...],
                   speaker: tuple[str, ...], topic: tuple[str, ...],
                   date_from: dt.datetime | None, date_to: dt.datetime | None,
                   include_routine: bool, sort: str, query: tuple[str, ...]) -> None:
    """Search the index; QUERY takes words, "phrases", AND/OR/NOT, -word and field:word."""
    filters = {name: list(values) for name, values in
               (("kind", kind), ("committee", committee), ("council", council),
                ("speaker", speaker), ("topic", topic)) if values}
    grouped = not every_page and (not as_json if group is None else group)
    request = SearchRequest(query=" ".join(query), filters=filters, sort=sort,
                            page=1 if every_page else page,
                            page_size=MAX_PAGE_SIZE if every_page else limit,
                            facets=not (as_json or every_page),
                            date_from=date_from.date() if date_from else None,
                            date_to=date_to.date() if date_to else None,
                            include_routine=include_routine, group_by_item=grouped)
    try:
        with opened_reader(resolve_index(index_dir)) as reader:
            warned: set[str] = set()
            for results in result_pages(reader.search, request, every_page):
                warning = results.shards.warning if results.shards else None
                if warning and warning not in warned:  # (once, unless another shard fails)
                    click.echo(f"warning: {warning}", err=True)
                    warned.add(warning)
                if as_json:
                    for hit in results.hits:
                        click.echo(json.dumps(exported_record(hit), ensure_ascii=False))
                else:
                    meetings = [value for value, _ in results.facets.get("meeting", [])[:8]]
                    click.echo(format_results(results, meeting_names(reader, meetings)))
    except (StoreError, QueryError) as exc:
        raise click.ClickException(str(exc)) from None


Search = Callable[[SearchRequest], SearchResults]


@contextlib.contextmanager
def opened_reader(index_path: Path) -> Iterator[Reader]:
    """The index at `index_path` read with its own engine, open for the run (a Xapian folder or
    stub file of shards, else Whoosh)."""
    if engine_of(index_path) == "xapian":
        # Imported here: Xapian is the [xapian] extra, a Whoosh install may lack it.
        xapian_store = store_module("xapian")
        from .reader_xapian import XapianReader
        database = xapian_store.open_index(index_path).searcher()
        try:
            yield XapianReader(database)
        finally:
            database.close()
        return
    with open_index(index_path).searcher() as searcher:
        yield WhooshReader(searcher)


def meeting_names(reader: Reader, meeting_ids: list[str]) -> dict[str, str]:
    """Readable names of meetings by id ("Cabinet, 12 March 2019"), for the meeting facet."""
    return {meeting_id: meeting_label(summary, meeting_id)
            for meeting_id, summary in reader.meetings(meeting_ids).items()}


def result_pages(search: Search, request: SearchRequest, every_page: bool
                 ) -> Iterator[SearchResults]:
    """The requested page of results, or with `every_page` each page in turn."""
    results = search(request)
    yield results
    while every_page and results.request.page < min(results.pages, MAX_PAGE):
        results = search(dataclasses.replace(results.request, page=results.request.page + 1))
        yield results


def format_results(results: SearchResults, meeting_names: dict[str, str] | None = None) -> str:
    """Hits and facet counts as readable text for the terminal."""
    request = results.request
    first = (request.page - 1) * request.page_size + 1
    about = "about " if results.estimated else ""
    showing = f" (showing {first}–{first + len(results.hits) - 1})" if results.hits else ""
    lines = [f"{about}{results.total} passages{showing}"]
    if results.routine_left_out:
        lines.append(f"{results.routine_left_out} passages of routine items left out "
                     f"(--include-routine includes them)")
    if results.suggestion:
        lines.append(f"Did you mean: {results.suggestion}")
    if results.expansions:
        lines.append("Also searched: " + "; ".join(
            f"{e.typed} → {' or '.join(e.also)}" for e in results.expansions))
    for hit in results.hits:
        passage, meeting = hit.passage, hit.passage.meeting
        when = " ".join(part for part in (meeting.date.isoformat() if meeting.date else None,
                                          f"{meeting.time:%H:%M}" if meeting.time else None)
                        if part)
        where = " · ".join(part for part in (meeting.committee, when, passage.item.title) if part)
        lines.append(f"\n[{passage.kind}] {where}")
        if passage.speaker:
            lines.append(f"  Speaker: {passage.speaker}")
        lines.append(shown_text(passage))
        if hit.missing:
            lines.append(f"  Missing: {' '.join(hit.missing)}")
        lines.append(f"  {passage.url or ''}  (id {passage.id})")
        if hit.more_in_item:
            lines.append(f"  {hit.more_in_item} more from this item")
    for name, counts in results.facets.items():
        if counts:
            names = (meeting_names or {}) if name == "meeting" else {}
            shown = ", ".join(f"{names.get(value, value)} ({about}{count})"
                              for value, count in counts[:8])
            lines.append(f"\n{name}: {shown}")
    return "\n".join(lines)


@cli.command("retag", short_help="Re-tag indexed passages with the topics.")
@index_option
@taxonomy_option
@click.option("--wait", is_flag=True, help="Wait for another run to finish instead of exiting.")
def retag_command(index_dir: Path | None, taxonomy_file: Path | None, wait: bool) -> None:
    """Re-tag the indexed passages after the taxonomy changed (no re-crawl, no re-index)."""
    taxonomy = resolve_taxonomy(taxonomy_file)
    try:
        report = retag_index(resolve_index(index_dir), taxonomy, wait=wait)
    except IndexBusyError as exc:
        raise IndexBusy(str(exc)) from None
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(report.summary())


@cli.command("topics", short_help="List the topics of the taxonomy.")
@taxonomy_option
def topics_command(taxonomy_file: Path | None) -> None:
    """List the topics of the taxonomy (checks a taxonomy file you edited)."""
    taxonomy = resolve_taxonomy(taxonomy_file)
    click.echo(f"{len(taxonomy.topics)} topics from {taxonomy.source}")
    for topic in taxonomy.topics:
        click.echo(f"  {topic.id:<26} {topic.label}  ({len(topic.terms)} terms, "
                   f"{len(topic.hints)} hints)")


@cli.command("glossary", short_help="List the acronyms learnt and shipped.")
@index_option
@click.option("--council", multiple=True, help="Only what was learnt from this council "
                                               "(name or site host; repeatable).")
@click.option("--shipped", is_flag=True, help="Also list the acronyms shipped with the service.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per definition per line.")
def glossary_command(index_dir: Path | None, council: tuple[str, ...], shipped: bool,
                     as_json: bool) -> None:
    """List the acronyms learnt from the indexed minutes, by council, with their long forms."""
    try:
        with opened_reader(resolve_index(index_dir)) as reader:
            definitions = definitions_in(reader.glossary(), council, shipped)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        for d in definitions:
            click.echo(json.dumps({"acronym": d.acronym, "long_form": d.long_form,
                                   "council": d.council or None, "pages": d.pages},
                                  ensure_ascii=False))
    else:
        click.echo(format_glossary(definitions))


def format_glossary(definitions: list[Definition]) -> str:
    """Definitions grouped by council (the shipped ones last) as readable text."""
    if not definitions:
        return "No acronyms learnt yet: index minutes that define some, e.g. 'Child Sexual " \
               "Exploitation (CSE)'."
    lines: list[str] = []
    for council in sorted({d.council for d in definitions}, key=lambda c: (c == SHIPPED, c)):
        lines.append(f"{council or 'Shipped with the service'}:")
        for d in sorted((d for d in definitions if d.council == council),
                        key=lambda d: d.acronym.upper()):
            pages = f"  ({d.pages} pages)" if d.pages > 1 else ""
            lines.append(f"  {d.acronym:<10} {d.long_form}{pages}")
    return "\n".join(lines)


@cli.command("serve", short_help="Serve the web pages and JSON API.")
@read_index_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", type=click.IntRange(1, 65535), default=5000, show_default=True,
              help="Port to listen on.")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Requests served at once.")
def serve_command(index_dir: Path | None, host: str, port: int, threads: int) -> None:
    """Serve the search pages and JSON API with waitress, the production WSGI server."""
    from waitress import create_server

    from .app import create_app
    from .web import POOL_KEY
    from .web.searchers import SearcherPool

    index = resolve_index(index_dir)
    app = create_app(index_dir=index)
    pool: SearcherPool | None = app.extensions[POOL_KEY]
    try:
        pool.index()
    except StoreError as exc:  # the pages say so too, until the indexer has run
        click.echo(f"warning: {exc}", err=True)
        pool = None
    try:
        # No page takes a request body: waitress refuses one over the app's limit as soon as its
        # length is announced, instead of spooling up to 1 GB of it to disk first.
        server = create_server(app, host=host, port=port, threads=threads,
                               ident="minutes-search",
                               max_request_body_size=app.config["MAX_CONTENT_LENGTH"])
    except OSError as exc:  # the address is taken, or not this machine's
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
                                   f"stop the other server or choose another --port") from None
    if pool is not None:  # once listening, so no other server can take the port meanwhile
        try:
            pool.warm_up()
        except Exception:  # a broken index: its pages say so, the log has the details
            log.exception("cannot read the index in %s", index)
    english.load()   # (the dictionary of "Did you mean": once a process, whatever the index)
    click.echo(f"Serving {index} on http://{host}:{port}/ (waitress, {threads} threads); "
               f"Ctrl+C stops")
    server.run()


@cli.command("evaluate", short_help="Score the splitter on a labelled corpus.")
@click.option("-v", "--verbose", is_flag=True, help="Also list each miss and each document.")
@click.option("--hosts", "hosts_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Score only pages whose URL host is listed in this file (one a line).")
@click.option("--exclude-hosts", "exclude_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Leave out pages whose URL host is listed in this file (one a line).")
@click.option("--against", "second", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Score a second labelling of the corpus's pages (DIR/labels/X.json) instead "
                   "of the splitter, to see how far two labellers agree; pages it does not "
                   "label are left out.")
@click.option("--agreed-with", "agreed", type=click.Path(file_okay=False, exists=True,
                                                         path_type=Path),
              help="Score the splitter only on the units a second labelling of the pages "
                   "(DIR/labels/X.json) types alike: the units two labellers agree on.")
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path))
def evaluate_command(verbose: bool, hosts_file: Path | None, exclude_file: Path | None,
                     second: Path | None, agreed: Path | None, corpus: Path) -> None:
    """Score the splitter against a labelled corpus (docs/X.json + labels/X.json)."""
    if second and agreed:
        raise click.UsageError("give --against or --agreed-with, not both")
    try:
        hosts = read_hosts(hosts_file) if hosts_file else None
        excluded = read_hosts(exclude_file) if exclude_file else None
        report = evaluate_corpus(corpus, hosts, excluded, against=second, agreed_with=agreed)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(format_report(report, verbose))


@cli.command("evaluate-search", short_help="Score the search on labelled corpora.")
@click.option("-v", "--verbose", is_flag=True, help="Also list each search that missed rank 1.")
@click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Index the corpora into this folder and keep it (default: a temporary one); "
                   "an index already there is updated, so a second run starts at once.")
@click.option("--hosts", "hosts_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Score only the searches whose page's URL host is listed in this file.")
@click.option("--exclude-hosts", "exclude_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Leave out the searches whose page's URL host is listed in this file.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True,
              help="Hits looked at per search.")
@click.option("--group", "grouped", is_flag=True,
              help="Score the list as the web page shows it, at most two passages of one agenda "
                   "item (default: as `search --json` lists every passage).")
@click.argument("corpora", nargs=-1, required=True,
                type=click.Path(file_okay=False, exists=True, path_type=Path))
def evaluate_search_command(verbose: bool, index_dir: Path | None, hosts_file: Path | None,
                            exclude_file: Path | None, limit: int, grouped: bool,
                            corpora: tuple[Path, ...]) -> None:
    """Score the search on labelled corpora with queries.json: MRR@10, hit@1, hit@10 and the
    share of searches with no result (every page of every corpus is indexed)."""
    try:
        queries = labelled_queries(corpora)
        if hosts_file:
            queries = [q for q in queries if q.host in read_hosts(hosts_file)]
        if exclude_file:
            queries = [q for q in queries if q.host not in read_hosts(exclude_file)]
        if not queries:
            raise CorpusError("no queries to score: give a corpus with a queries.json "
                              "(and hosts that its pages have)")
        with tempfile.TemporaryDirectory() as scratch:
            target = index_dir or Path(scratch) / "index"
            build_index(target, list(corpora))
            report = score_queries(target, queries, labelled_snippets(corpora), limit,
                                   grouped)
    except (CorpusError, StoreError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(format_relevance(report, verbose))


def main() -> None:
    """Entry point of the `search-service` console script."""
    cli(prog_name="search-service")
