"""Topic taxonomy: loading, overriding, tagging passages, and re-tagging an index without sources."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from search_service.cli import cli, opened_reader
from search_service.model import Document
from search_service.pipeline.indexing import index_documents
from search_service.pipeline.retag import retag_index
from search_service.search import SearchRequest
from search_service.segment import split_document
from search_service.topics import (TAXONOMY_ENV, TaxonomyError, default_taxonomy, load_taxonomy,
                                   parse_taxonomy)

SEED = Path(__file__).parent / "data" / "seed.txt"
SAFEGUARDING = "Children's safeguarding"


def seed_document() -> Document:
    return Document(source=str(SEED), url="https://worcestershire.example/mgAi.aspx?ID=4627",
                    text=SEED.read_text("utf-8"))


def test_default_taxonomy_has_council_topics_with_unique_plain_labels():
    taxonomy = default_taxonomy()
    assert 20 <= len(taxonomy.topics) <= 40
    assert len(set(taxonomy.labels)) == len(taxonomy.labels)
    assert not any("," in label for label in taxonomy.labels)
    assert {"Housing", "Highways and roads", "Finance and budget", SAFEGUARDING,
            "Adult social care", "Planning and development"} <= set(taxonomy.labels)


@pytest.mark.parametrize("text, title, wanted, unwanted", [
    ("Potholes on the A38 had been repaired within 28 days.", None,
     {"Highways and roads"}, set()),
    ("The planning application for the erection of 12 dwellings was refused.", None,
     {"Planning and development"}, {"Waste and recycling"}),
    ("Work on CSE continued with partners.", None, {SAFEGUARDING}, set()),
    ("Work on cse continued with partners.", None, set(), {SAFEGUARDING}),
    ("Two new primary schools would open in September.", None, {"Education and schools"}, set()),
    ("The Children’s Social Care service had improved.", None, {"Children's social care"}, set()),
    ("Safeguarding training was arranged.", None, set(), {SAFEGUARDING}),
    ("Safeguarding of vulnerable children was discussed.", None, {SAFEGUARDING}, set()),
    ("The new car park would open in May.", None, {"Highways and roads"},
     {"Environment and green spaces"}),
    ("The Chairman thanked the guests for attending.",
     "Worcestershire Safeguarding Children Board Annual Report 2017-18", {SAFEGUARDING}, set()),
    ("RESOLVED that the report be noted.", None, set(), {SAFEGUARDING, "Governance and scrutiny"}),
    ("Clinical Commissioning Groups (CCGs) and the police were working on new arrangements.",
     None, {"NHS and health services", "Community safety and policing"}, set()),
])
def test_tagging_from_text_and_item_title(text, title, wanted, unwanted):
    topics = set(default_taxonomy().tag(text, title))
    assert wanted <= topics
    assert not topics & unwanted


def test_every_seed_passage_is_tagged_childrens_safeguarding():
    passages = default_taxonomy().tag_passages(split_document(seed_document()))
    assert passages and all(SAFEGUARDING in p.topics for p in passages)
    camhs = next(p for p in passages if "CAMHS" in p.text)
    assert "Mental health" in camhs.topics


def write(tmp_path: Path, text: str, name: str = "topics.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_a_file_extending_the_default_replaces_removes_and_adds_topics(tmp_path):
    path = write(tmp_path, """
extends = "default"
remove = ["elections"]

[[topic]]
id = "housing"
label = "Homes"
terms = ["housing", "homes"]

[[topic]]
id = "information-sharing"
label = "Information sharing"
terms = ["information sharing", "dare to share"]
""")
    taxonomy = load_taxonomy(path)
    labels = taxonomy.labels
    assert "Homes" in labels and "Housing" not in labels
    assert "Elections and democracy" not in labels
    assert labels[-1] == "Information sharing"
    assert len(labels) == len(default_taxonomy().labels)
    assert "Information sharing" in taxonomy.tag("an ethos of 'dare to share'")


def test_a_file_without_extends_replaces_the_whole_taxonomy(tmp_path, monkeypatch):
    path = write(tmp_path, '[[topic]]\nid = "bins"\nlabel = "Bins"\nterms = ["bin"]\n')
    monkeypatch.setenv(TAXONOMY_ENV, str(path))
    taxonomy = load_taxonomy()
    assert taxonomy.labels == ["Bins"]
    assert taxonomy.tag("Bins were collected late; potholes too.") == ("Bins",)


@pytest.mark.parametrize("text, message", [
    ('[[topic]]\nid = "x"\nlabel = "X"\nterms = ["a"\n', "not valid TOML"),
    ('[[topic]]\nid = "x"\nlabel = "Roads, bridges"\nterms = ["road"]\n', "without commas"),
    ('\n\n[[topic]]\nid = "x"\nlabel = "X"\nterms = []\n', "topics.toml:4: topic 'x'"),
    ('[[topic]]\nid = "x"\nlabel = "X"\nterms = ["£"]\n', "list of words or phrases"),
    ('[[topic]]\nid = "X Y"\nlabel = "X"\nterms = ["x"]\n', "'id' must be lower-case"),
    ('[[topic]]\nid = "x"\nlabel = "X"\nterms = ["x"]\nweight = 2\n', "unknown key weight"),
    ('extends = "default"\nremove = ["no-such-topic"]\n', "unknown topics no-such-topic"),
    ('extends = "mine.toml"\n', 'extends must be "default"'),
    ('[[topic]]\nid = "x"\nlabel = "X"\nterms = ["x"]\n[[topic]]\nid = "x"\nlabel = "Y"\n'
     'terms = ["y"]\n', "two topics have the id 'x'"),
])
def test_a_broken_taxonomy_file_is_named_with_what_to_fix(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(TaxonomyError) as error:
        load_taxonomy(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_a_missing_taxonomy_file_says_where_it_was_looked_for(tmp_path):
    with pytest.raises(TaxonomyError, match="cannot read the taxonomy .*nope.toml"):
        load_taxonomy(tmp_path / "nope.toml")


def topic_counts(index_dir: Path) -> dict[str, int]:
    with opened_reader(index_dir) as reader:
        return dict(reader.search(SearchRequest(page_size=100)).facets["topic"])


ENGINES = pytest.mark.parametrize("engine", ["whoosh", "xapian"])
INFORMATION_SHARING = parse_taxonomy(
    'extends = "default"\n[[topic]]\nid = "information-sharing"\n'
    'label = "Information sharing"\nterms = ["information sharing"]\n', "test")


@ENGINES
def test_retag_applies_a_changed_taxonomy_to_the_stored_passages(tmp_path, engine):
    index_dir = tmp_path / "index"
    index_documents(index_dir, [seed_document()], engine=engine)
    assert topic_counts(index_dir)[SAFEGUARDING] == 21
    report = retag_index(index_dir, INFORMATION_SHARING)
    assert (report.passages, report.retagged) == (21, 1)
    assert topic_counts(index_dir)["Information sharing"] == 1
    with opened_reader(index_dir) as reader:
        hits = reader.search(SearchRequest(
            query="dare to share", filters={"topic": ["Information sharing"]})).hits
        assert len(hits) == 1 and "Information sharing" in hits[0].passage.topics
        assert hits[0].passage.item.title.startswith("Worcestershire Safeguarding")
    assert retag_index(index_dir, INFORMATION_SHARING).retagged == 0


class Interrupted(Exception):
    """What stops a retag half-way in the test."""


@ENGINES
def test_an_interrupted_retag_leaves_the_index_as_it_was(tmp_path, engine, monkeypatch):
    index_dir = tmp_path / "index"
    index_documents(index_dir, [seed_document()], engine=engine)
    before = topic_counts(index_dir)
    boards = parse_taxonomy('[[topic]]\nid = "boards"\nlabel = "Boards"\nterms = ["board"]\n',
                            "test")
    tagged = []

    def tag_then_stop(text: str, title: str | None = None) -> tuple[str, ...]:
        if len(tagged) == 15:  # most passages rewritten already, uncommitted
            raise Interrupted
        tagged.append(text)
        return ("Boards",)

    monkeypatch.setattr(boards, "tag", tag_then_stop)
    with pytest.raises(Interrupted):
        retag_index(index_dir, boards)
    assert topic_counts(index_dir) == before and "Boards" not in before


@ENGINES
def test_cli_index_and_retag_take_a_taxonomy_file(tmp_path, engine):
    index_dir = tmp_path / "index"
    own = write(tmp_path, '[[topic]]\nid = "boards"\nlabel = "Boards"\nterms = ["board"]\n')
    runner = CliRunner()
    result = runner.invoke(cli, ["index", "--engine", engine, "--index", str(index_dir),
                                 "--taxonomy", str(own), str(SEED)])
    assert result.exit_code == 0, result.output
    assert set(topic_counts(index_dir)) == {"Boards"}
    result = runner.invoke(cli, ["retag", "--index", str(index_dir)])
    assert result.exit_code == 0 and "21 passages read, 21 re-tagged" in result.output
    assert "Boards" not in topic_counts(index_dir)
    broken = write(tmp_path, "[[topic]\n", "broken.toml")
    result = runner.invoke(cli, ["retag", "--index", str(index_dir), "--taxonomy", str(broken)])
    assert result.exit_code == 1 and "broken.toml: not valid TOML" in result.output
    result = runner.invoke(cli, ["topics", "--taxonomy", str(own)])
    assert result.exit_code == 0 and "boards" in result.output and "Boards" in result.output
