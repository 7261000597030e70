"""Sources -> Articles: text, Markdown, HTML, JSON Lines, feeds and web archives, read as a stream.

`read_inputs` is what the CLI calls; the per-kind readers are public for scripts that know
what they hold. Bad inputs come back as `IngestError` values in the stream, never as
exceptions, so a batch always finishes.
"""

from newsprism.ingest.boilerplate import Cleaned, credit_outlets, is_promo_line, strip_boilerplate
from newsprism.ingest.encoding import decode_bytes
from newsprism.ingest.errors import IngestError, IngestFailure
from newsprism.ingest.feed import FeedFetcher, opml_feed_urls, read_feed_file, read_opml_file
from newsprism.ingest.fields import ArticleDefaults, normalize_published, text_id
from newsprism.ingest.html import html_to_article, read_html_file
from newsprism.ingest.html_text import html_fragment_to_text
from newsprism.ingest.jsonl import read_jsonl_file, read_jsonl_lines, row_to_article
from newsprism.ingest.language import guess_language
from newsprism.ingest.markdown import markdown_to_text
from newsprism.ingest.reader import SUPPORTED_SUFFIXES, read_file, read_inputs
from newsprism.ingest.text import read_text_file, split_front_matter, split_headline, text_to_article
from newsprism.ingest.warc import read_warc_file

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ArticleDefaults",
    "Cleaned",
    "FeedFetcher",
    "IngestError",
    "IngestFailure",
    "credit_outlets",
    "decode_bytes",
    "guess_language",
    "html_fragment_to_text",
    "html_to_article",
    "is_promo_line",
    "markdown_to_text",
    "normalize_published",
    "opml_feed_urls",
    "read_feed_file",
    "read_file",
    "read_html_file",
    "read_inputs",
    "read_jsonl_file",
    "read_jsonl_lines",
    "read_opml_file",
    "read_text_file",
    "read_warc_file",
    "row_to_article",
    "split_front_matter",
    "split_headline",
    "strip_boilerplate",
    "text_id",
    "text_to_article",
]
