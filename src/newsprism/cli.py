"""The `newsprism` command: thin calls of the library, with progress bars and clear errors.

Exit status: 0 when every input was read, 1 when some inputs were reported and skipped (the
others are still processed and written), 2 when nothing usable was given.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism.ingest import ArticleDefaults, IngestError, read_inputs
from newsprism.model import Article

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Compare how several outlets report one event, every claim traced to its sentence.",
)
err = Console(stderr=True)


class Format(StrEnum):
    json = "json"
    md = "md"
    html = "html"


class Executor(StrEnum):
    local = "local"
    dask = "dask"


ExecutorOpt = Annotated[
    Executor, typer.Option("--executor", help="local: this process; dask: Dask distributed workers.")
]
SchedulerOpt = Annotated[
    str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786).")
]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", min=1, help="Workers of the local Dask cluster (default: CPUs).")
]


class Granularity(StrEnum):
    claim = "claim"
    event = "event"


InputsArg = Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for JSON Lines on stdin.")]


def _check_published(value: str | None) -> str | None:
    """--published must be a date newsprism reads; a typo would otherwise be ignored silently."""
    from newsprism.ingest.fields import normalize_published

    if value is not None and normalize_published(value) is None:
        raise typer.BadParameter(f"{value!r} is not a date (use ISO 8601, e.g. 2025-05-14)")
    return value


PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published", help="Publication date (ISO 8601) for inputs that lack one.", callback=_check_published
    ),
]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Outlet name for inputs that lack one.")]
LanguageOpt = Annotated[
    str | None, typer.Option("--language", help="Language code for inputs that lack one.")
]


@dataclass(frozen=True, slots=True)
class WebOptions:
    """How inputs on the web are read: URLs, URL lists, remote feeds, feed entries' pages."""

    offline: bool = False
    allow_private: bool = False
    fetch_pages: bool = False


OfflineOpt = Annotated[bool, typer.Option("--offline", help="Never reach the network; URL inputs fail.")]
AllowPrivateOpt = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Allow fetching from loopback and private addresses (local testing)."
    ),
]
FetchPagesOpt = Annotated[
    bool, typer.Option("--fetch-pages", help="Fetch the pages of summary-only entries of local feed files.")
]


class Reader:
    """Reads the inputs, reporting each bad one on stderr as it goes, and remembers whether any failed."""

    def __init__(self, inputs: list[str], defaults: ArticleDefaults, web: WebOptions | None = None) -> None:
        self.inputs = inputs
        self.defaults = defaults
        self.web = web or WebOptions()
        self.failed = 0

    def __iter__(self) -> Iterator[Article]:
        from newsprism.ingest.fetch import FetchPolicy

        policy = None if self.web.offline else FetchPolicy(allow_private=self.web.allow_private)
        items = read_inputs(self.inputs, self.defaults, fetch=policy, fetch_pages=self.web.fetch_pages)
        for item in items:
            if isinstance(item, IngestError):
                self.failed += 1
                err.print(f"[red]error:[/red] {item}", markup=True, highlight=False, soft_wrap=True)
            else:
                yield item


def _reader(
    inputs: list[str],
    published: str | None,
    source: str | None,
    language: str | None,
    offline: bool,
    allow_private: bool,
    fetch_pages: bool,
) -> Reader:
    """The commands' shared reading options, as one Reader."""
    return Reader(
        inputs,
        ArticleDefaults(published=published, source=source, language=language),
        WebOptions(offline=offline, allow_private=allow_private, fetch_pages=fetch_pages),
    )


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _tracked(
    progress: Progress, items: Iterable[Article], description: str, total: int | None
) -> Iterator[Article]:
    task = progress.add_task(description, total=total)
    for item in items:
        yield item
        progress.advance(task)


@contextmanager
def _executor(executor: Executor, scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """None for the local executor, else a Dask client (a local cluster is closed on exit)."""
    if executor is Executor.local:
        if scheduler or workers:
            err.print("note: --scheduler and --workers apply to --executor dask only", highlight=False)
        yield None
        return
    from newsprism.scale.dask_runner import DaskOptions, dask_client

    try:
        with dask_client(DaskOptions(scheduler=scheduler, workers=workers)) as client:
            yield client
    except OSError as exc:
        err.print(
            f"error: cannot reach the Dask scheduler {scheduler}: {exc}", highlight=False, soft_wrap=True
        )
        raise typer.Exit(2) from exc


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    err.print(f"wrote {output}", highlight=False)


def _exit_status(reader: Reader) -> None:
    if reader.failed:
        err.print(f"{reader.failed} input(s) could not be read and were skipped.", highlight=False)
        raise typer.Exit(1)


@app.command()
def compare(
    inputs: InputsArg,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    language: LanguageOpt = None,
    offline: OfflineOpt = False,
    allow_private: AllowPrivateOpt = False,
    fetch_pages: FetchPagesOpt = False,
    granularity: Annotated[
        Granularity, typer.Option("--granularity", help="claim: same statement; event: same happening.")
    ] = Granularity.claim,
) -> None:
    """Treat the inputs as one story and compare the outlets."""
    from newsprism.compare.config import AlignConfig, CompareConfig
    from newsprism.compare.pipeline import compare as compare_story
    from newsprism.render import render

    reader = _reader(inputs, published, source, language, offline, allow_private, fetch_pages)
    articles = list(reader)
    if not articles:
        err.print("error: no readable article among the inputs", highlight=False)
        raise typer.Exit(2)
    if len(articles) == 1:
        err.print(
            f"note: only one article ({articles[0].id}): one article is not a story; "
            "writing its analysis with nothing to compare.",
            highlight=False,
        )
    with _progress() as progress:
        comparison = compare_story(
            articles,
            config=CompareConfig(align=AlignConfig(granularity=granularity.value)),
            progress=lambda items: _tracked(progress, items, "analyzing", len(articles)),
        )
    _write(render(comparison, format.value), output)
    _exit_status(reader)


@app.command()
def analyze(
    inputs: InputsArg,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSON Lines here.")] = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    language: LanguageOpt = None,
    offline: OfflineOpt = False,
    allow_private: AllowPrivateOpt = False,
    fetch_pages: FetchPagesOpt = False,
    executor: ExecutorOpt = Executor.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Analyze each article: sentences, actors and roles, quotes, dates, numbers, citations."""
    from newsprism.analyze.pipeline import analyze as analyze_articles
    from newsprism.codec import analysis_to_dict

    reader = _reader(inputs, published, source, language, offline, allow_private, fetch_pages)
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    count = 0
    try:
        with _progress() as progress, _executor(executor, scheduler, workers) as client:
            tracked = _tracked(progress, reader, "analyzing", None)
            if client is None:
                stream = analyze_articles(tracked)
            else:
                from newsprism.scale.dask_runner import analyze_distributed

                stream = analyze_distributed(tracked, client)
            for analysis in stream:
                sink.write(json.dumps(analysis_to_dict(analysis), ensure_ascii=False) + "\n")
                count += 1
    finally:
        if output:
            sink.close()
    if output:
        err.print(f"wrote {count} analyses to {output}", highlight=False)
    if count == 0 and not reader.failed:
        err.print("error: no input given", highlight=False)
        raise typer.Exit(2)
    _exit_status(reader)


@app.command()
def cluster(
    inputs: InputsArg,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSON Lines here instead of stdout.")
    ] = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    language: LanguageOpt = None,
    offline: OfflineOpt = False,
    allow_private: AllowPrivateOpt = False,
    fetch_pages: FetchPagesOpt = False,
    executor: ExecutorOpt = Executor.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Group articles into stories: one line per article, {"id", "story", "duplicate_of"}."""
    from newsprism.stories.cluster import StoryClusterer

    reader = _reader(inputs, published, source, language, offline, allow_private, fetch_pages)
    clusterer = StoryClusterer()
    with _progress() as progress, _executor(executor, scheduler, workers) as client:
        tracked = _tracked(progress, reader, "placing", None)
        if client is None:
            for _ in clusterer.add_many(tracked):
                pass
            clusterer.refine()
        else:
            from newsprism.scale.dask_runner import cluster_distributed

            cluster_distributed(tracked, client, clusterer)
    for note in clusterer.notes:
        err.print(f"note: {note}", highlight=False, soft_wrap=True)
    lines = [
        json.dumps({"id": a.id, "story": a.story, "duplicate_of": a.duplicate_of}, ensure_ascii=False)
        for a in clusterer.assignments()
    ]
    if not lines and not reader.failed:
        err.print("error: no input given", highlight=False)
        raise typer.Exit(2)
    _write("\n".join(lines) + "\n" if lines else "", output)
    stories = len({json.loads(line)["story"] for line in lines})
    err.print(f"{len(lines)} articles in {stories} stories", highlight=False)
    _exit_status(reader)


DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or database URL (postgresql://...); default: the user data dir."),
]


def _open_store(db: str | None) -> Any:
    from newsprism.store.db import masked, open_store

    try:
        return open_store(db)
    except Exception as exc:  # a bad URL, an unreachable server, a file we cannot create
        # The URL may hold a password, and so may the driver's message that repeats it.
        # SQLAlchemy adds a line pointing to its documentation; the first line is the problem.
        lines = str(exc).strip().splitlines()
        problem = masked(lines[0] if lines else type(exc).__name__, db)
        err.print(
            f"error: cannot open the archive {masked(db or '(default)')}: {problem}",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    inputs: InputsArg,
    db: DbOpt = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    language: LanguageOpt = None,
    offline: OfflineOpt = False,
    allow_private: AllowPrivateOpt = False,
    fetch_pages: FetchPagesOpt = False,
    executor: ExecutorOpt = Executor.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Analyze and store articles, place them in stories, refresh the comparisons that changed."""
    from newsprism.store.workflow import ingest_articles

    reader = _reader(inputs, published, source, language, offline, allow_private, fetch_pages)
    store = _open_store(db)
    with store, _progress() as progress, _executor(executor, scheduler, workers) as client:
        report = ingest_articles(store, _tracked(progress, reader, "ingesting", None), client=client)
        from newsprism.web.pages import prerender_pages

        prerender_pages(store, report.stories_changed)
    err.print(
        f"added {report.added}, skipped {report.skipped} already stored; "
        f"{len(report.stories_changed)} stories changed, "
        f"{report.comparisons_refreshed} comparisons refreshed",
        highlight=False,
    )
    _exit_status(reader)


@app.command()
def stories(
    db: DbOpt = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only stories with articles since (ISO date).")
    ] = None,
    search: Annotated[str | None, typer.Option("--search", help="Full-text search in the articles.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List the stored stories, newest first."""
    store = _open_store(db)
    with store:
        found = store.list_stories(since=since, search=search, limit=limit)
    if as_json:
        for summary in found:
            sys.stdout.write(json.dumps(asdict(summary), ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table("story", "articles", "outlets", "last published", "title", box=None)
    for summary in found:
        table.add_row(
            summary.id,
            str(summary.article_count),
            ", ".join(summary.outlets) or "-",
            summary.last_published or "-",
            summary.title or "",
        )
    Console().print(table)
    if not found:
        err.print("no stories match", highlight=False)


@app.command()
def show(
    story: Annotated[str, typer.Argument(help="Story id, as `newsprism stories` lists it.")],
    db: DbOpt = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.md,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Show one stored story's comparison."""
    from newsprism.codec import comparison_from_dict
    from newsprism.render import render

    store = _open_store(db)
    with store:
        data = store.comparison(story)
        known = store.get_story(story) is not None
    if data is None:
        reason = "has no comparison yet (run `newsprism ingest` again)" if known else "is not in the archive"
        err.print(f"error: story {story} {reason}", highlight=False)
        raise typer.Exit(2)
    _write(render(comparison_from_dict(data), format.value), output)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
) -> None:
    """Serve the web UI and the REST API over the archive.

    Writing through the API needs NEWSPRISM_WRITE_TOKEN set; NEWSPRISM_READ_TOKEN, if set,
    protects reading too.
    """
    from newsprism.web.app import serve_store

    with _open_store(db) as store:
        serve_store(store, host=host, port=port)


eval_app = typer.Typer(no_args_is_help=True, help="Measure results against gold labels.")
app.add_typer(eval_app, name="eval")


@eval_app.command("clusters")
def eval_clusters(
    gold: Annotated[Path, typer.Argument(help="JSON Lines with the gold story label of each article.")],
    predicted: Annotated[
        Path | None,
        typer.Argument(help="`newsprism cluster` output; when left out, GOLD's articles are clustered now."),
    ] = None,
    gold_field: Annotated[
        str, typer.Option("--gold-field", help="Label key, dotted for nesting.")
    ] = "gold.story",
) -> None:
    """B-cubed precision/recall/F1, pairwise F1 and ARI of a clustering against gold stories."""
    from newsprism.stories.cluster import StoryClusterer
    from newsprism.stories.evaluate import load_labels, score_clusters

    try:
        labels = load_labels(gold, gold_field)
        if predicted is not None:
            pred = load_labels(predicted, "story")
        else:
            reader = Reader([str(gold)], ArticleDefaults())
            clusterer = StoryClusterer()
            with _progress() as progress:
                for _ in clusterer.add_many(_tracked(progress, reader, "placing", len(labels))):
                    pass
                clusterer.refine()
            pred = {a.id: a.story for a in clusterer.assignments()}
    except (OSError, ValueError) as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    scores = score_clusters(labels, pred)
    sys.stdout.write(json.dumps(asdict(scores), indent=2) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
