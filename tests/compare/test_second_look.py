"""The second look: which sentences it reads, and whose probability a pair keeps."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.compare.links import LinkModel, LinkRule, SecondLook, load_model
from newsprism.compare.second_look import read_again
from newsprism.compare.signals import FEATURES


def test_only_sentences_the_first_look_finds_a_likely_match_for_are_read_again() -> None:
    # Positions 0-2 in one article, 3-5 in the other: 0-3 likely, 1-4 unlikely, 2-5 on the floor.
    pairs = [(np.array([0, 1, 2]), np.array([3, 4, 5]))]
    first = [np.array([0.8, 0.1, 0.4])]
    mask = read_again(6, pairs, first, floor=0.4, most=10)
    assert mask.tolist() == [True, False, True, True, False, True]


def test_the_bound_keeps_the_likeliest_sentences() -> None:
    pairs = [(np.array([0, 1, 2]), np.array([3, 4, 5]))]
    first = [np.array([0.5, 0.9, 0.7])]
    mask = read_again(6, pairs, first, floor=0.4, most=2)
    # 1 and 4 (0.9) come first; the stable order breaks their tie by position.
    assert np.flatnonzero(mask).tolist() == [1, 4]
    assert not read_again(6, pairs, first, floor=0.4, most=0).any()
    assert not read_again(0, [], [], floor=0.4, most=5).any()


def test_a_sentence_counts_its_best_pair_across_every_other_article() -> None:
    # Sentence 0 is unlikely against article two but likely against article three.
    pairs = [(np.array([0]), np.array([1])), (np.array([0]), np.array([2]))]
    first = [np.array([0.1]), np.array([0.7])]
    assert read_again(3, pairs, first, floor=0.5, most=5).tolist() == [True, False, True]


def test_the_second_look_weighs_its_extra_column() -> None:
    n = len(FEATURES)
    second = SecondLook(np.zeros(n + 1), np.ones(n + 1), np.r_[np.zeros(n), 4.0], 0.0, floor=0.4)
    rows = np.zeros((2, n))
    low, high = second.probabilities(rows, np.array([-1.0, 1.0]))
    assert low < 0.5 < high
    assert second.probabilities(np.zeros((0, n)), np.zeros(0)).shape == (0,)


def test_the_shipped_claim_model_looks_twice_from_its_first_cut_off() -> None:
    model = load_model("claim")
    assert model.second is not None
    assert model.second.weights.shape == (len(FEATURES) + 1,)
    # The floor is the first look's lowest cut-off, learned with it.
    assert 0.0 < model.second.floor <= 1.0
    bare = LinkModel("claim", np.zeros(1), np.ones(1), np.zeros(1), 0.0, LinkRule(0.4, 0.7, 0.9), 1.0)
    assert bare.second is None


@pytest.mark.slow
def test_look_again_changes_only_the_pairs_both_of_whose_sentences_it_read() -> None:
    from newsprism.analyze.pipeline import analyze
    from newsprism.compare.actors import fold_actors
    from newsprism.compare.align import article_pairs, story_signals
    from newsprism.compare.second_look import look_again
    from newsprism.compare.signals import story_pair_features
    from newsprism.model import Article

    articles = [
        Article(id="a", text="The mayor unveiled a plan to rebuild the harbour. Ferries ran late on Monday."),
        Article(id="b", text="A proposal to redo the port was presented by the mayor. The weather was mild."),
    ]
    analyses = list(analyze(articles))
    _, index = fold_actors(analyses)
    signals = story_signals(analyses, index)
    blocks = story_pair_features(signals, list(article_pairs(signals)))
    n = len(FEATURES)
    # A second look that reads only its own column: 0.5 + cosine / 4 after the sigmoid's slope.
    second = SecondLook(np.zeros(n + 1), np.ones(n + 1), np.r_[np.zeros(n), 1.0], 0.0, floor=0.5)
    first = [np.where(np.arange(len(b.ii)) == 0, 0.9, 0.1) for b in blocks]
    (after,) = look_again(signals, blocks, first, second, most=10)
    (block,) = blocks
    read = {int(block.rows[block.ii[0]]), int(block.cols[block.jj[0]])}
    for k in range(len(after)):
        a, b = int(block.rows[block.ii[k]]), int(block.cols[block.jj[k]])
        if {a, b} <= read:
            cosine = float(signals.paraphrase(np.array([a]))[0] @ signals.paraphrase(np.array([b]))[0])
            assert after[k] == pytest.approx(1 / (1 + np.exp(-cosine)))
        else:
            assert after[k] == first[0][k]


@pytest.mark.slow
def test_a_sentence_wire_copies_repeat_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.analyze.pipeline import analyze
    from newsprism.compare import signals as signals_module
    from newsprism.compare.actors import fold_actors
    from newsprism.compare.align import story_signals
    from newsprism.model import Article

    text = "The bridge reopened on Friday after repairs. Traffic was light."
    articles = [Article(id="wire", text=text), Article(id="copy", text=text)]
    analyses = list(analyze(articles))
    _, index = fold_actors(analyses)
    signals = story_signals(analyses, index)
    asked: list[list[str]] = []
    real = signals_module.embed_paraphrase

    def counting(texts: list[str]) -> np.ndarray:
        asked.append(list(texts))
        return real(texts)

    monkeypatch.setattr(signals_module, "embed_paraphrase", counting)
    vectors = signals.paraphrase(np.arange(len(signals.sentences)))
    assert len(asked) == 1 and len(asked[0]) == len(signals.sentences) // 2
    half = len(signals.sentences) // 2
    assert np.array_equal(vectors[:half], vectors[half:])
