"""Full-text search over article titles and texts, safe for whatever a user types.

User input never reaches the FTS5 or tsquery parser as syntax: it is cut into words at
whitespace, words with no letter or digit are dropped, and each remaining word is searched as
a quoted phrase (FTS5) or through `plainto_tsquery`, which has no operators. A query such as
`"` or `AND (` therefore cannot raise a syntax error; every word must occur (implicit AND).
"""

from __future__ import annotations

import sqlalchemy as sa


def search_words(query: str) -> list[str]:
    """The words of `query` worth searching for: those with at least one letter or digit."""
    return [word for word in query.split() if any(ch.isalnum() for ch in word)]


def _fts5_query(words: list[str]) -> str:
    # A double quote inside an FTS5 string is written twice; the tokenizer then splits the
    # phrase the way it split the indexed text, so "U.S.-led" finds the words it contains.
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def article_matches(dialect: str, words: list[str]) -> sa.TextClause:
    """A condition on the `articles` table: true for articles containing every word."""
    if dialect == "sqlite":
        return sa.text(
            "articles.added_seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts_query)"
        ).bindparams(fts_query=_fts5_query(words))
    if dialect == "postgresql":
        return sa.text("articles.search @@ plainto_tsquery('simple', :ts_query)").bindparams(
            ts_query=" ".join(words)
        )
    raise NotImplementedError(f"no full-text search for {dialect}")
