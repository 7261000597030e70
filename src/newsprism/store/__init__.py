"""The archive behind `newsprism ingest/stories/show/serve`: SQLite by default, PostgreSQL by URL.

from newsprism.store import open_store
with open_store("news.db") as store:
    for story in store.list_stories(search="ceasefire"):
        print(story.title, story.outlets)
"""

from newsprism.store.db import UnsupportedDatabaseError, database_url, default_db_url, open_store
from newsprism.store.migrate import NewerDatabaseError
from newsprism.store.records import NewArticle, ReplayRow, StorySummary, content_hash
from newsprism.store.repository import Store

__all__ = [
    "NewArticle",
    "NewerDatabaseError",
    "ReplayRow",
    "Store",
    "StorySummary",
    "UnsupportedDatabaseError",
    "content_hash",
    "database_url",
    "default_db_url",
    "open_store",
]
