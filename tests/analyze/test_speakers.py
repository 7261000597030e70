"""Who is speaking: the subject of a cue verb, and the name a pronoun or a title stands for."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.analyze.entities import extract_entities
from newsprism.analyze.sentences import SentenceIndex
from newsprism.analyze.speakers import Resolver, cue_speaker, head_noun, nearby_speaker, role_head


def quoted_tokens(doc: Doc) -> list[int]:
    """Per token, 0 inside straight or curly quotation marks, else -1 (what quotes.py passes)."""
    out, inside = [], False
    for t in doc:
        if t.text in ('"', "“", "”"):
            inside = not inside
            out.append(-1)
        else:
            out.append(0 if inside else -1)
    return out


def verb(doc: Doc, text: str) -> int:
    return next(t.i for t in doc if t.text == text)


def test_the_office_word_of_a_role_in_one_spelling() -> None:
    assert role_head("Deputy Defense Minister") == "minister"
    assert role_head("head of the intelligence service") == "head"
    assert role_head("Sen.") == "senator"
    assert role_head("spokesman for the mayor") == "spokesperson"
    assert role_head("") == ""


def test_the_speaker_of_a_cue_is_its_subject_through_relatives_and_passives(nlp: Language) -> None:
    doc = nlp("The mayor said the bridge would reopen on Monday.")
    assert cue_speaker(doc, doc[verb(doc, "said")], quoted_tokens(doc), framed=False).text == "mayor"
    doc = nlp("It was announced by the ministry that talks would resume.")
    assert cue_speaker(doc, doc[verb(doc, "announced")], quoted_tokens(doc), framed=False).text == "ministry"
    doc = nlp("Officials met Ana Ortiz, who said the port was safe.")
    speaker = cue_speaker(doc, doc[verb(doc, "said")], quoted_tokens(doc), framed=False)
    assert speaker is not None and speaker.text in ("Ortiz", "Ana")


def test_a_frame_the_parser_did_not_link_takes_the_name_beside_the_cue(nlp: Language) -> None:
    doc = nlp('"We will not give up," said Chad Bown.')
    speaker = nearby_speaker(doc, doc[verb(doc, "said")], quoted_tokens(doc))
    assert speaker is not None and head_noun(speaker).text == "Bown"


def resolver(nlp: Language, text: str) -> tuple[Doc, Resolver]:
    doc = nlp(text)
    entities = extract_entities(doc, SentenceIndex(doc))
    return doc, Resolver(doc, text, [t.idx for t in doc], entities, quoted_tokens(doc))


def test_a_pronoun_names_the_nearest_subject_of_its_kind_and_gender(nlp: Language) -> None:
    text = "Ms. Ana Ortiz met Mr. Liam Chen on Monday. Chen spoke first. She said the port was safe."
    doc, names = resolver(nlp, text)
    she = next(t for t in doc if t.text == "She")
    name, entity = names.resolve(she)
    assert name == "Ana Ortiz" and entity is not None


def test_a_named_or_nominal_speaker_resolves_to_its_phrase(nlp: Language) -> None:
    text = "An unnamed US official said the talks had stalled."
    doc, names = resolver(nlp, text)
    official = next(t for t in doc if t.text == "official")
    assert names.resolve(official) == ("An unnamed US official", None)
    assert names.resolve(None) == (None, None)
