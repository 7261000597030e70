"""The commands. Each one composes: how to read its inputs, where to run, the library's stage
calls, and its output; whatever else a command seems to need belongs in the library."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsprism.cli.options import (
    AllowPrivateOpt,
    DbOpt,
    ExecutorKind,
    ExecutorOpt,
    FetchPagesOpt,
    Format,
    FormatOpt,
    Granularity,
    InputsArg,
    JsonLinesOutputOpt,
    LanguageOpt,
    ListFormat,
    ListFormatOpt,
    OfflineOpt,
    OutletsOpt,
    OutputOpt,
    PublishedOpt,
    SchedulerOpt,
    SourceOpt,
    WorkersOpt,
)
from newsprism.cli.reading import Reader, ReadOptions
from newsprism.cli.resources import executor_for, open_archive
from newsprism.cli.terminal import err, progress, tracked, write

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Compare how several outlets report one event, every claim traced to its sentence.",
)


@app.command()
def compare(
    inputs: InputsArg,
    format: FormatOpt = Format.json,
    output: OutputOpt = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    outlets: OutletsOpt = None,
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

    read = ReadOptions(
        published=published,
        source=source,
        outlets=outlets,
        language=language,
        offline=offline,
        allow_private=allow_private,
        fetch_pages=fetch_pages,
    )
    reader = Reader(inputs, read)
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
    with progress() as bars:
        comparison = compare_story(
            articles,
            config=CompareConfig(align=AlignConfig(granularity=granularity.value)),
            progress=lambda items: tracked(bars, items, "analyzing", len(articles)),
        )
    write(render(comparison, format.value), output)
    reader.exit_status()


@app.command()
def analyze(
    inputs: InputsArg,
    output: JsonLinesOutputOpt = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    outlets: OutletsOpt = None,
    language: LanguageOpt = None,
    offline: OfflineOpt = False,
    allow_private: AllowPrivateOpt = False,
    fetch_pages: FetchPagesOpt = False,
    executor: ExecutorOpt = ExecutorKind.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Analyze each article: sentences, actors and roles, quotes, dates, numbers, citations."""
    from newsprism.codec import analysis_to_dict

    read = ReadOptions(
        published=published,
        source=source,
        outlets=outlets,
        language=language,
        offline=offline,
        allow_private=allow_private,
        fetch_pages=fetch_pages,
    )
    reader = Reader(inputs, read)
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    count = 0
    try:
        with progress() as bars, executor_for(executor, scheduler, workers) as run:
            for analysis in run.analyze(tracked(bars, reader, "analyzing", None)):
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
    reader.exit_status()


@app.command()
def cluster(
    inputs: InputsArg,
    output: JsonLinesOutputOpt = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    outlets: OutletsOpt = None,
    language: LanguageOpt = None,
    offline: OfflineOpt = False,
    allow_private: AllowPrivateOpt = False,
    fetch_pages: FetchPagesOpt = False,
    executor: ExecutorOpt = ExecutorKind.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Group articles into stories: one line per article, {"id", "story", "duplicate_of"}."""
    read = ReadOptions(
        published=published,
        source=source,
        outlets=outlets,
        language=language,
        offline=offline,
        allow_private=allow_private,
        fetch_pages=fetch_pages,
    )
    reader = Reader(inputs, read)
    with progress() as bars, executor_for(executor, scheduler, workers) as run:
        clusterer = run.cluster(tracked(bars, reader, "placing", None))
    for note in clusterer.notes:
        err.print(f"note: {note}", highlight=False, soft_wrap=True)
    assignments = list(clusterer.assignments())
    if not assignments and not reader.failed:
        err.print("error: no input given", highlight=False)
        raise typer.Exit(2)
    lines = [
        json.dumps({"id": a.id, "story": a.story, "duplicate_of": a.duplicate_of}, ensure_ascii=False) + "\n"
        for a in assignments
    ]
    write("".join(lines), output)
    stories = len({a.story for a in assignments})
    err.print(f"{len(assignments)} articles in {stories} stories", highlight=False)
    reader.exit_status()


@app.command()
def ingest(
    inputs: InputsArg,
    db: DbOpt = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    outlets: OutletsOpt = None,
    language: LanguageOpt = None,
    offline: OfflineOpt = False,
    allow_private: AllowPrivateOpt = False,
    fetch_pages: FetchPagesOpt = False,
    executor: ExecutorOpt = ExecutorKind.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Analyze and store articles, place them in stories, refresh the comparisons that changed."""
    from newsprism.store.workflow import ingest_articles
    from newsprism.web.pages import prerender_pages

    read = ReadOptions(
        published=published,
        source=source,
        outlets=outlets,
        language=language,
        offline=offline,
        allow_private=allow_private,
        fetch_pages=fetch_pages,
    )
    reader = Reader(inputs, read)
    store = open_archive(db)
    with store, progress() as bars, executor_for(executor, scheduler, workers) as run:
        articles = tracked(bars, reader, "ingesting", None)
        report = ingest_articles(store, articles, executor=run, pages=prerender_pages)
    err.print(
        f"added {report.added}, skipped {report.skipped} already stored; "
        f"{len(report.stories_changed)} stories changed, "
        f"{report.comparisons_refreshed} comparisons refreshed",
        highlight=False,
    )
    reader.exit_status()


@app.command()
def stories(
    db: DbOpt = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only stories with articles since (ISO date).")
    ] = None,
    search: Annotated[str | None, typer.Option("--search", help="Full-text search in the articles.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 50,
    format: ListFormatOpt = ListFormat.table,
    as_json: Annotated[bool, typer.Option("--json", hidden=True, help="Deprecated: --format json.")] = False,
) -> None:
    """List the stored stories, newest first."""
    if as_json:
        err.print("note: --json is deprecated; use --format json", highlight=False)
        format = ListFormat.json
    with open_archive(db) as store:
        found = store.list_stories(since=since, search=search, limit=limit)
    if format is ListFormat.json:
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
    format: FormatOpt = Format.md,
    output: OutputOpt = None,
) -> None:
    """Show one stored story's comparison."""
    from newsprism.codec import comparison_from_dict
    from newsprism.render import render

    with open_archive(db) as store:
        data = store.comparison(story)
        known = store.get_story(story) is not None
    if data is None:
        reason = "has no comparison yet (run `newsprism ingest` again)" if known else "is not in the archive"
        err.print(f"error: story {story} {reason}", highlight=False)
        raise typer.Exit(2)
    write(render(comparison_from_dict(data), format.value), output)


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

    with open_archive(db) as store:
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
    from newsprism.stories.cluster import cluster_assignments
    from newsprism.stories.evaluate import load_labels, score_clusters

    try:
        labels = load_labels(gold, gold_field)
        if predicted is not None:
            pred = load_labels(predicted, "story")
        else:
            reader = Reader([str(gold)])
            with progress() as bars:
                placed = cluster_assignments(tracked(bars, reader, "placing", len(labels)))
                pred = {a.id: a.story for a in placed}
    except (OSError, ValueError) as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    scores = score_clusters(labels, pred)
    sys.stdout.write(json.dumps(asdict(scores), indent=2) + "\n")


def main() -> None:
    app()
