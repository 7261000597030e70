"""Near-duplicate detection: wire copies are found, rewrites of the same event are not."""

from __future__ import annotations

import pytest

from newsprism.model import Article
from newsprism.stories.dedup import DuplicateIdError, DuplicateIndex, find_duplicates, normalise_words

# An agency story, written for these tests (about 150 words).
WIRE_TITLE = "Water authority to ration supplies in three northern districts"
WIRE = (
    "The regional water authority said on Tuesday it would begin rationing supplies to three "
    "northern districts from next month after reservoir levels fell to their lowest point in more "
    "than two decades. Households in Carrow, Lindell and Brackenford will receive water for twelve "
    "hours a day under the plan, which officials described as a temporary measure to protect "
    "reserves through the dry season. Authority chairman Peter Osei told reporters that rainfall "
    "since January had reached barely a third of the long-term average and that demand from farms "
    "had risen sharply. Farmers' groups criticised the decision, saying irrigation quotas announced "
    "last week already threatened the autumn harvest. The authority said it would review the "
    "restrictions at the end of each month and publish daily reservoir readings on its website. "
    "Businesses using more than ten thousand litres a day will be asked to submit conservation plans."
)

# The same event told by another outlet in its own words: shared names and facts, little shared wording.
REWRITE_TITLE = "Drought forces daily water cuts for Carrow, Lindell and Brackenford"
REWRITE = (
    "Three northern districts face daily water cuts from next month, the regional water authority "
    "announced, as a prolonged drought drains reservoirs to levels not seen since the early 2000s. "
    "Under the rationing scheme, homes in Carrow, Lindell and Brackenford will have running water "
    "for only half of each day. Peter Osei, who chairs the authority, blamed a winter with roughly "
    "one third of normal rainfall and heavier use by agriculture. The measure drew swift criticism "
    "from farming associations, which warned that limits on irrigation set out a week earlier were "
    "already putting this year's crops at risk. Officials promised monthly reviews and said "
    "reservoir data would be posted online every day, while large commercial users will have to "
    "explain how they plan to cut consumption."
)

# A second story for chains: each version edits a different end of the one before it, so that
# neighbours share about 0.88 of their shingles and the two ends of the chain under 0.8.
FERRY = (
    "A passenger ferry ran aground off the island of Westholm early on Sunday, forcing the "
    "evacuation of 214 people, the coastguard said. Nobody was seriously hurt, although eleven "
    "passengers were treated for minor injuries and mild hypothermia after being taken ashore in "
    "lifeboats. The vessel, operated by Northway Lines, had left the mainland port of Haldby shortly "
    "after midnight and was due to arrive at dawn. A coastguard spokeswoman said strong winds and "
    "poor visibility were being examined as possible causes, and that divers would inspect the hull "
    "once the weather improved. Northway Lines suspended its remaining crossings for the day and "
    "said it was cooperating fully with the investigation. Fuel had not leaked from the ship, "
    "according to an environmental agency that sent a monitoring team to the area on Sunday morning."
)
FERRY_EDITED_END = FERRY.replace(
    "a monitoring team to the area on Sunday morning.",
    "a survey team to the bay before noon.",
)
FERRY_EDITED_BOTH_ENDS = FERRY_EDITED_END.replace(
    "A passenger ferry ran aground off the island of Westholm",
    "A crowded ferry hit rocks near the coast of Westholm",
)


def test_identical_copy_points_at_the_original() -> None:
    index = DuplicateIndex()
    assert index.add("wire", WIRE, title=WIRE_TITLE) is None
    assert index.add("reprint", WIRE, title=WIRE_TITLE) == "wire"


def test_copy_differing_only_in_case_punctuation_and_typography_is_an_exact_copy() -> None:
    index = DuplicateIndex()
    index.add("wire", WIRE)
    retyped = WIRE.upper().replace("'", "\u2019").replace(",", " ,").replace("-", "\u2013")
    assert index.add("retyped", retyped) == "wire"
    assert index.stored_signatures == 1


def test_copy_with_new_headline_and_credit_line_is_a_duplicate() -> None:
    index = DuplicateIndex()
    index.add("wire", WIRE, title=WIRE_TITLE)
    reprint = WIRE + "\n\nReporting by Maria Lindqvist; Editing by Tom Hale"
    assert (
        index.add("reprint", reprint, title="Northern towns face water rationing as reservoirs shrink")
        == "wire"
    )


# What a crawl catches of a page whose article did not load: the site's sign-up form, the same
# on every page of the site (written for these tests).
SIGN_UP_FORM = (
    "One more step...\n\n"
    "We have sent you a verification email. Click on the link in it to activate your profile.\n\n"
    "If the message has not arrived within a few minutes, look in your Spam folder.\n\n"
    "Close"
)


def test_two_pages_of_one_site_holding_only_its_sign_up_form_are_not_copies() -> None:
    index = DuplicateIndex()
    assert index.add("a", SIGN_UP_FORM, title="Two hurt in shooting outside Elm Street bar") is None
    assert index.add("b", SIGN_UP_FORM, title="Teen arrested after Riverside Park robbery") is None


def test_a_copy_carrying_another_sites_furniture_is_still_a_copy() -> None:
    index = DuplicateIndex()
    index.add("wire", WIRE, title=WIRE_TITLE)
    framed = f"{SIGN_UP_FORM}\n{WIRE}\nCopyright 2025 Valley Courier. All rights reserved."
    assert index.add("reprint", framed, title=WIRE_TITLE) == "wire"


def test_rewrite_of_the_same_event_by_another_outlet_is_not_a_duplicate() -> None:
    index = DuplicateIndex()
    index.add("wire", WIRE, title=WIRE_TITLE)
    assert index.add("rewrite", REWRITE, title=REWRITE_TITLE) is None


def test_different_short_texts_are_not_duplicates() -> None:
    index = DuplicateIndex()
    assert index.add("a", "Markets closed higher on Friday.") is None
    assert index.add("b", "Heavy snow closed the mountain pass.") is None


def test_identical_one_liners_shorter_than_a_shingle_are_duplicates() -> None:
    index = DuplicateIndex()
    assert index.add("a", "Polls open at seven.") is None
    assert index.add("b", "POLLS OPEN AT SEVEN") == "a"


def test_empty_text_is_never_a_duplicate_nor_an_original() -> None:
    index = DuplicateIndex()
    assert index.add("empty", "") is None
    assert index.add("also-empty", "") is None
    assert index.add("punctuation", " ... !! ") is None
    assert index.add("text", "Polls open at seven.") is None
    assert index.stored_signatures == 1
    assert len(index) == 4


def test_ten_thousand_identical_articles_all_point_at_the_first() -> None:
    index = DuplicateIndex()
    answers = [index.add(f"copy-{k:05d}", WIRE, title=WIRE_TITLE) for k in range(10_000)]
    assert answers[0] is None
    assert set(answers[1:]) == {"copy-00000"}
    # Copies are answered from the digest dict: one signature stored, no bucket growth.
    assert index.stored_signatures == 1


def test_chain_of_edits_points_every_copy_at_the_root() -> None:
    # Precondition of the fixture: the two ends of the chain are too far apart to match directly.
    direct = DuplicateIndex()
    direct.add("a", FERRY)
    assert direct.add("c", FERRY_EDITED_BOTH_ENDS) is None

    index = DuplicateIndex()
    assert index.add("a", FERRY) is None
    assert index.add("b", FERRY_EDITED_END) == "a"
    assert index.add("c", FERRY_EDITED_BOTH_ENDS) == "a"


def test_exact_copy_of_a_copy_points_at_the_root() -> None:
    index = DuplicateIndex()
    index.add("a", FERRY)
    index.add("b", FERRY_EDITED_END)
    assert index.add("b-again", FERRY_EDITED_END) == "a"


def test_adding_an_id_twice_raises_and_changes_nothing() -> None:
    index = DuplicateIndex()
    index.add("wire", WIRE)
    with pytest.raises(DuplicateIdError, match="'wire'") as raised:
        index.add("wire", REWRITE)
    assert isinstance(raised.value, ValueError)
    assert len(index) == 1
    # The first text is still the one indexed under the id, and the rewrite was not indexed.
    assert index.add("reprint", WIRE) == "wire"
    assert index.add("rewrite", REWRITE) is None


@pytest.mark.parametrize("threshold", [0.0, 1.0, 1.5])
def test_threshold_out_of_range_is_refused(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        DuplicateIndex(threshold=threshold)


def test_find_duplicates_yields_ids_in_input_order() -> None:
    articles = [
        Article(id="wire", title=WIRE_TITLE, text=WIRE),
        Article(id="rewrite", title=REWRITE_TITLE, text=REWRITE),
        Article(
            id="reprint", title="Water rationing for three districts", text=WIRE + " (Reporting by Ann Lee)"
        ),
        Article(id="empty", text=""),
    ]
    assert list(find_duplicates(articles)) == [
        ("wire", None),
        ("rewrite", None),
        ("reprint", "wire"),
        ("empty", None),
    ]


def test_normalise_words_folds_case_typography_and_punctuation() -> None:
    assert normalise_words("\u201cWell-known\u201d \ufb01rms \u2014 \uff21\uff22\uff23\u2019s 5%!") == [
        "well",
        "known",
        "firms",
        "abc",
        "s",
        "5",
    ]


def test_normalise_words_keeps_combining_marks_and_drops_soft_hyphens() -> None:
    assert normalise_words("हिन्दी समाचार, inter\u00adnational") == ["हिन्दी", "समाचार", "international"]
