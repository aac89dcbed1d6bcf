"""Words of the English language, as "Did you mean" and the splitting of joined words read them:
British spellings are words as American ones are; misspellings and scan fragments are not."""
import pytest

from search_service.engine.english import is_english


@pytest.mark.parametrize("word", [
    "taxi", "loos", "colour", "neighbours", "organisation", "prioritise", "analysed", "centre",
    "centred", "metres", "defence", "catalogue", "programme", "queueing", "Councillor"])
def test_words_of_the_language_british_or_american(word):
    assert is_english(word)


@pytest.mark.parametrize("word", ["informaton", "safegaurding", "chidren", "plcements",
                                  "idential", "councl"])
def test_misspellings_and_fragments_are_not_words(word):
    assert not is_english(word)
