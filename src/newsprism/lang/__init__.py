"""The language layer: what every stage knows about English news text, kept below them all.

Vocabularies (stopwords, calendar and number words, titles and offices, outlets), the diacritic
fold and the name key, the stemmer, and the two models (the spaCy pipeline and the sentence
encoder) live here, so that no stage has to import another to read a word the way it does.
Stages import `newsprism.lang`; nothing here imports a stage.

Word lists that are data sit beside their module as JSON (`dates.json`, `numbers.json`,
`offices.json`, `outlets.json`, `stopwords.json`, `variants.json`), read once, with an `about`
that says what each list is for. Lists that are grammar rather than vocabulary (which verbs put a date
in the future, which dependencies carry a title) stay with the reader that applies them.
"""
