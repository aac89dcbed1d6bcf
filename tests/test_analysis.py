"""The analyzer: compound words as parts and joined form, stop words, stems, and a fused
indexing loop that yields exactly what its chain yields."""
import sys
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.analysis import StemmingAnalyzer

from search_service.engine import analysis
from search_service.engine.analysis import (
    CompoundStopFilter,
    CompoundTokenizer,
    MinutesAnalyzer,
    joined_form,
    minutes_stem,
)
from search_service.engine.schema import build_schema
from search_service.engine.store import StoreError, open_index

SEED = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")
TEXTS = [SEED, "", "the of and", "The report, the REPORT and the reports.",
         "U.K. councils' re-opening of 3.5% e.g. S.106 monies", "a b c Cllr O'Neill's café",
         "risk of self-harm at A&E; COVID-19 costs £1.5m in 2019/20, members/officers",
         "a&e the a-b of-the x", "state-of-the-art joined-up long-term year‐end"]
INDEXING = {"mode": "index", "positions": True, "boosts": True}


def indexed(text: str) -> list[tuple[str, int]]:
    return [(token.text, token.pos) for token in MinutesAnalyzer()(text, **INDEXING)]


@pytest.mark.parametrize("text", TEXTS)
def test_the_fused_indexing_loop_yields_what_the_chain_yields(text):
    chain = [(t.text, t.pos) for t in MinutesAnalyzer()(text, chars=True, **INDEXING)]
    assert indexed(text) == chain


@pytest.mark.parametrize("text, tokens", [
    ("risk of self-harm", [("risk", 0), ("self", 1), ("harm", 2), ("selfharm", 1)]),
    ("the A&E unit", [("ae", 1), ("unit", 2)]),
    ("COVID-19 cases", [("covid", 0), ("19", 1), ("covid19", 0), ("case", 2)]),
    ("in 2019/20 and 2019-20", [("2019", 1), ("20", 2), ("201920", 1), ("2019", 3), ("20", 4),
                                ("201920", 3)]),
    ("members/officers", [("member", 0), ("offic", 1)]),
    ("£1.5m for S106", [("1.5m", 0), ("s106", 1)]),
])
def test_words_with_inner_punctuation_are_words(text, tokens):
    assert indexed(text) == tokens


def test_a_text_without_compounds_is_indexed_as_whooshs_stemming_analyzer_indexes_it():
    plain = SEED.replace("-", " ").replace("&", " ").replace("/", " ")
    whoosh = [(t.text, t.pos) for t in StemmingAnalyzer(cachesize=-1)(plain, **INDEXING)]
    assert indexed(plain) == whoosh


def test_a_query_is_analysed_into_parts_only_so_a_phrase_is_its_words_in_order():
    assert [t.text for t in MinutesAnalyzer()("self-harm A&E", mode="query")] == ["self", "harm"]


def test_highlighting_marks_a_compound_whole():
    tokens = MinutesAnalyzer()("the self-harm", mode="index", chars=True, positions=True,
                               removestops=False)
    joined = [t for t in tokens if t.text == "selfharm"]
    assert [(t.startchar, t.endchar) for t in joined] == [(4, 13)]


@pytest.mark.parametrize("noun, verb", [("licence", "licensing"), ("practice", "practised"),
                                        ("defence", "defense"), ("analyse", "analyzed")])
def test_british_nouns_and_their_verbs_are_one_word(noun, verb):
    assert indexed(noun)[0][0] == indexed(verb)[0][0]


@pytest.mark.parametrize("word, joined", [
    ("self-harm", "selfharm"), ("A&E", "AE"), ("2019/20", "201920"), ("members/officers", None),
    ("council", None), ("S.106", None),
])
def test_joined_forms(word, joined):
    assert joined_form(word) == joined


def test_an_index_built_by_an_older_analyzer_is_refused_with_how_to_rebuild(tmp_path):
    old = build_schema()
    for name in old.names():
        if isinstance(getattr(old[name], "analyzer", None), MinutesAnalyzer):
            old[name].analyzer = StemmingAnalyzer(cachesize=-1)
    whoosh_index.create_in(str(tmp_path), old)
    with pytest.raises(StoreError, match="another version.*build a new one"):
        open_index(tmp_path)


def test_an_index_written_before_the_engine_package_still_opens(tmp_path, monkeypatch):
    with monkeypatch.context() as then:  # its schema names the analyzer's module as it was
        for moved in (MinutesAnalyzer, CompoundTokenizer, CompoundStopFilter, minutes_stem):
            then.setattr(moved, "__module__", "search_service.analysis")
        then.setitem(sys.modules, "search_service.analysis", analysis)
        whoosh_index.create_in(str(tmp_path), build_schema())
    assert b"search_service.analysis" in next(tmp_path.glob("*.toc")).read_bytes()
    assert isinstance(open_index(tmp_path).schema["text"].analyzer, MinutesAnalyzer)
