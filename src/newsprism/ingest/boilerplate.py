"""Lines that are not part of the story: promos, share buttons, and credit trailers.

"Bonus video:", "Read more: ..." or "Share this article" would otherwise become sentences,
and sentences become facts; "Reporting contributed by Reuters." is not a fact of the story
either, but *who* contributed is worth keeping, so credit lines are removed from the text and
their outlets returned as credits.

The rules are deliberately narrow: a promo line must be nothing but the promo (anchored at the
start, short), and credit lines are only taken from the end of the text, so a body sentence
that merely mentions a newsletter or Reuters is never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.lang.outlets import WIRE_AGENCIES

# Wire agencies and their usual short names (lang/outlets.json); a name on this list is credited
# wherever a credit line puts it. Other names need to look like an organisation (see _looks_like_outlet).
KNOWN_AGENCIES = WIRE_AGENCIES
_AGENCY_IN_TEXT = re.compile(
    r"\b(?:" + "|".join(re.escape(name) for name in sorted(KNOWN_AGENCIES, key=len, reverse=True)) + r")\b"
)
_OUTLET_WORDS = re.compile(
    r"\b(?:Times|News|Post|Press|Agency|Service|Network|Radio|TV|Television|Journal|Herald|Tribune|"
    r"Guardian|Telegraph|Gazette|Media|Daily|Wire|Broadcasting|Corporation|Magazine|Review|Chronicle|"
    r"Independent|Observer|Standard|Express|Mail|Mirror|Insider|Politico|Axios)\b"
)
_NAME_TOKEN = re.compile(r"^[A-Z][\w.&'’-]*$")

_SEPARATOR = r"(?:\s*:|\s+[|»›>–—-]+)\s*"
_LABELS = (
    r"read more|read also|also read|read next|more reading|further reading|see also|"
    r"related(?: articles?| stories| story| coverage| content| links?| news| reading| topics)?|"
    r"recommended(?: for you| stories)?|more on (?:this|that)(?: story| topic)?|"
    r"you (?:may|might) also (?:like|be interested in)|watch(?: now| live| video| the video)?|"
    r"listen(?: now| live| to this article)?|(?:bonus |related |featured |latest )?videos?|photos?|"
    r"gallery|podcast|trending(?: now)?|most read|most popular|don'?t miss|do not miss|top stories|"
    r"editor'?s picks?|latest news"
)
_LABELLED = re.compile(rf"^(?:{_LABELS})(?:{_SEPARATOR}(?P<rest>.*))?$", re.IGNORECASE)
_LABELLED_MAX_WORDS = 20
_SHARE_WORDS = (
    r"share(?: this| the)?(?: article| story| post| page)?(?: (?:on|via) \w+)?|print|e-?mail|tweet|"
    r"facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|copy link|comments?|save|x"
)
_PROMO_ONLY = re.compile(
    rf"^(?:(?:{_SHARE_WORDS})(?:\s*[|/·•,]?\s*(?:{_SHARE_WORDS}))*:?|"
    r"advertisement|advertising|sponsored(?: content)?|ad|promoted(?: content)?|skip advertisement|"
    r"story continues below(?: advertisement)?|continue reading(?: below| the main story)?|"
    r"scroll to continue(?: with content)?|read more|see more|load more|show more|"
    r"all rights reserved)\.?$",
    re.IGNORECASE,
)
_PROMO_START = re.compile(
    r"^(?:(?:sign up|subscribe)\b.*\b(?:newsletters?|updates|alerts|briefings?|digest|inbox)\b|"
    r"click here\b|"
    r"(?:follow|like|join|find) (?:us|@?\w+(?: \w+){0,3}) on (?:twitter|x|facebook|instagram|telegram|"
    r"linkedin|tiktok|youtube|threads|bluesky|mastodon|whatsapp|google news)\b|"
    r"join (?:our|the) [\w ]{0,30}(?:channel|community|group|newsletter)\b|"
    r"download (?:our|the) [\w ]{0,30}app\b|get (?:our|the) [\w ]{0,30}newsletter\b)",
    re.IGNORECASE,
)
_PROMO_START_MAX_WORDS = 30


@dataclass(frozen=True, slots=True)
class _CreditRule:
    """One shape of credit line; its `names` group holds the part that may name outlets.

    `short`: the line must be short, because it starts like body prose can ("With", a dash)
    and only counts when it names an outlet. `lone_name`: a single capitalised word there is
    an outlet ("contributed by Kommersant"). `agencies_only`: only known agencies count.
    """

    pattern: re.Pattern[str]
    short: bool = False
    lone_name: bool = False
    agencies_only: bool = False


def _rule(pattern: str, **flags: bool) -> _CreditRule:
    return _CreditRule(re.compile(pattern, re.IGNORECASE), **flags)


_CREDIT_RULES = (
    _rule(
        r"^(?:additional |further |extra |contributing )?(?:reporting|writing|editing|research|"
        r"contributions?|compiled|written|edited)\b.*?\bby\b(?P<names>.+)$",
        lone_name=True,
    ),
    _rule(
        r"^(?P<names>.+?)\s+contributed (?:reporting|(?:reporting )?to this (?:report|story|article))\s*$",
        lone_name=True,
    ),
    _rule(r"^with (?:files |reporting |input |information |wires )?(?:from |by )?(?P<names>.+)$", short=True),
    _rule(r"^[—–-]+\s*(?P<names>.+)$", short=True),
    _rule(r"^sources?\s*:\s*(?P<names>.+)$", short=True),
    _rule(
        r"^this (?:article|story|report) (?:was |has been )?(?:originally |first )?"
        r"(?:published|appeared) (?:by|on|in|at) (?P<names>.+)$"
    ),
    _rule(r"^(?:©|\(c\)|copyright\b)(?P<names>.*)$", agencies_only=True),
    _rule(r"^(?P<names>(?:staff and |wire )?agencies|wire services|wires)$"),
)
_BY_RULE = _CREDIT_RULES[0]
_GENERIC_WIRES = re.compile(
    r"^(?:staff and |wire |news )?(?:agencies|wires?|wire services|wire reports)$", re.IGNORECASE
)
_CREDIT_SHORT_MAX_WORDS = 8
_CREDIT_MAX_WORDS = 40
_TRAILING_PAREN_CREDIT = re.compile(
    r"\s*\((?P<credit>(?:additional |further )?(?:reporting|writing|editing|compiled)\b[^()]*)\)\s*$",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\band\b|\bwith\b)\s*")
_PLACE_TAIL = re.compile(r"\s+(?:in|at|from)\s+[A-Z].*$")
_UP_TO_BY = re.compile(r"^.*?\bby\b", re.IGNORECASE)
_FOR_OUTLET = re.compile(r"\bfor (?:the )?(?P<outlet>[A-Z][\w.&'’ -]*)")
_DECOR = " \t*_>•·|"
_SEPARATOR_LINE = re.compile(r"^[\s*_=~#·•-]{3,}$")


@dataclass(slots=True)
class Cleaned:
    """Text without its boilerplate lines, and the outlets its credit lines named."""

    text: str
    credits: list[str] = field(default_factory=list)


def strip_boilerplate(text: str, *, anywhere: bool = True) -> Cleaned:
    """Drop promo lines and trailing credit lines, returning the credited outlets.

    With `anywhere=False` only the tail is touched, so every offset into the remaining text
    still points where it did in the original (used for JSON Lines rows, whose offsets callers
    may have computed already).
    """
    lines = text.split("\n")
    credits: list[str] = []
    end = len(lines)
    while end > 0:
        line = lines[end - 1]
        core = _core(line)
        if not core or _SEPARATOR_LINE.match(line) or is_promo_line(line):
            end -= 1
            continue
        outlets = credit_outlets(core)
        if outlets is not None:
            credits[:0] = outlets
            end -= 1
            continue
        paren = _TRAILING_PAREN_CREDIT.search(line)
        if paren and paren.start() > 0:
            credits[:0] = _outlets_in(paren.group("credit"), _BY_RULE)
            lines[end - 1] = line[: paren.start()]
        break
    kept = lines[:end]
    if anywhere:
        kept = [line for line in kept if not is_promo_line(line)]
        body = _collapse_blank_lines(kept)
    else:
        body = "\n".join(kept).rstrip()
    return Cleaned(body, _unique(credits))


def is_promo_line(line: str) -> bool:
    """True when the whole line is a promo or a share/ad widget, not prose."""
    core = _core(line)
    if not core:
        return False
    if _PROMO_ONLY.match(core):
        return True
    labelled = _LABELLED.match(core)
    if labelled:
        rest = labelled.group("rest")
        return rest is None or len(rest.split()) <= _LABELLED_MAX_WORDS
    return bool(_PROMO_START.match(core)) and len(core.split()) <= _PROMO_START_MAX_WORDS


def credit_outlets(line: str) -> list[str] | None:
    """The outlets a credit line names ([] for people only), or None if it is no credit line."""
    core = _core(line).strip("()[] ").rstrip(".").strip()
    words = len(core.split())
    if not core or words > _CREDIT_MAX_WORDS:
        return None
    if _only_agencies(core):
        return [_canonical(part.strip(" .()")) for part in _NAME_SPLIT.split(core)]
    for rule in _CREDIT_RULES:
        match = rule.pattern.match(core)
        if not match or (rule.short and words > _CREDIT_SHORT_MAX_WORDS):
            continue
        names = match.group("names")
        outlets = _outlets_in(names, rule)
        if rule.short and not outlets and not _GENERIC_WIRES.match(names.strip()):
            continue
        return outlets
    return None


def _outlets_in(names: str, rule: _CreditRule) -> list[str]:
    if rule.agencies_only:  # e.g. a copyright line: the rest is years and legalese
        return [_canonical(match.group()) for match in _AGENCY_IN_TEXT.finditer(names)]
    found: list[str] = []
    for clause in names.split(";"):
        outlet = _FOR_OUTLET.search(clause)
        if outlet:
            found.append(outlet.group("outlet").strip())
            continue
        for chunk in _NAME_SPLIT.split(_UP_TO_BY.sub("", clause)):
            name = _PLACE_TAIL.sub("", chunk).strip(" .()")
            if _looks_like_outlet(name, lone_name=rule.lone_name):
                found.append(_canonical(name))
    return found


def _looks_like_outlet(name: str, *, lone_name: bool) -> bool:
    """An agency we know, or a name with an outlet word ("Daily Courier"); with `lone_name`,
    also one capitalised word ("Kommersant"). Two plain capitalised words ("Jane Doe") are
    taken for a person, and a lone word after a dash or "Source:" is too often a place or a
    signature ("-Jane Doe, Springfield") to count."""
    if not name:
        return False
    if _canonical(name) in KNOWN_AGENCIES or _OUTLET_WORDS.search(name):
        return True
    tokens = name.split()
    return lone_name and len(tokens) == 1 and bool(_NAME_TOKEN.match(tokens[0]))


def _only_agencies(core: str) -> bool:
    parts = [part.strip(" .()") for part in _NAME_SPLIT.split(core)]
    return all(_canonical(part) in KNOWN_AGENCIES for part in parts)


def _canonical(name: str) -> str:
    bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return bare if bare in KNOWN_AGENCIES else name


def _core(line: str) -> str:
    return line.strip().strip(_DECOR).strip()


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _collapse_blank_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line)
    return "\n".join(out).rstrip()
