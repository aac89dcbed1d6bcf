"""A deterministic generator of realistic council minutes at any scale: the tests' minutes and
the benchmarks' corpus.

Councils, committees and meetings over twenty years, agenda items, and minutes of all three
kinds of passage, written as ModernGov page text in the `.jsonl` bulk format the indexer reads.
Wording follows `corpus_stats.json` beside this module (a bigram model of the real minutes, the
opening words of each kind of passage, their lengths); a Zipf tail of made-up names gives the
vocabulary the growth a real archive has. The same seed and scale always give the same corpus, and
`changed=0.01` rewrites 1% of the documents (the rest are byte-identical) for incremental runs.
`python -m benchmarks.generate` writes one corpus from the command line.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

STATS_FILE = Path(__file__).with_name("corpus_stats.json")

FIRST_DAY = dt.date(2005, 1, 1)
DAYS = (dt.date(2024, 12, 31) - FIRST_DAY).days
COMMITTEES = (
    "Cabinet", "Council", "Planning Committee", "Overview and Scrutiny Committee",
    "Audit and Governance Committee", "Licensing Committee", "Health and Wellbeing Board",
    "Children and Young People Scrutiny Panel", "Adult Care and Well-being Overview and Scrutiny "
    "Panel", "Environment and Transport Cabinet Committee", "Standards Committee",
    "Corporate Parenting Board", "Housing Scrutiny Panel", "Economy and Skills Scrutiny Panel",
    "Pensions Committee", "Community Safety Partnership", "Schools Forum", "Police and Crime Panel",
    "Development Control Committee", "Resources and Performance Committee",
)
COUNCIL_KINDS = ("Borough Council", "County Council", "District Council", "City Council",
                 "Council")
# Syllables of English place and family names: the made-up long tail of the vocabulary.
ONSETS = ("ash", "bar", "bel", "black", "bram", "brad", "brook", "carl", "chel", "clay", "cran",
          "dar", "den", "dun", "elm", "fair", "fern", "gar", "glen", "grant", "ham", "har", "hol",
          "kel", "ken", "kings", "lang", "lin", "mal", "mar", "mel", "mill", "nor", "oak", "pen",
          "ray", "red", "ros", "sel", "shaw", "stan", "stow", "thorn", "wal", "wes", "whit", "wick",
          "win")
MIDDLES = ("", "a", "er", "ing", "le", "ford", "ton", "by", "den", "ley", "ham", "well", "more")
ENDINGS = ("bury", "by", "combe", "dale", "don", "field", "ford", "gate", "ham", "hill", "hurst",
           "ington", "ley", "low", "mere", "mouth", "ridge", "stead", "stone", "thorpe", "ton",
           "well", "wick", "wood", "worth", "sey", "ner", "son", "ock", "all")
# Share of words taken from the long tail, and its size relative to sqrt(words written).
TAIL_SHARE = 0.04
TAIL_FACTOR = 40
# How often the next word follows its bigram rather than the word frequencies alone.
BIGRAM_SHARE = 0.75
ITEMS_PER_MEETING = (2, 9)
# The splitter folds lead-ins and question/answer pairs: about 0.9 passages per paragraph written.
PASSAGES_PER_PARAGRAPH = 0.9
SHARD_DOCUMENTS = 2000
QA_FORMS = ("opener", "asked", "labelled")
LEAD_INS = ("the following main points were raised:", "the following points were made:",
            "Members raised the following issues:", "the main points highlighted included:")


def parse_scale(text: str) -> int:
    """'10k', '100k', '1m' or a plain number of passages."""
    value = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(value[-1:], 1)
    try:
        number = float(value[:-1] if factor > 1 else value)
    except ValueError:
        raise ValueError(f"scale {text!r} is not a number such as 10k, 100k or 1m") from None
    if number <= 0:
        raise ValueError(f"scale {text!r} must be positive")
    return int(number * factor)


def tail_word(rank: int) -> str:
    """The made-up word of the given rank in the long tail, e.g. 'Ashbyworth'."""
    onset, rest = rank % len(ONSETS), rank // len(ONSETS)
    ending, rest = rest % len(ENDINGS), rest // len(ENDINGS)
    middle, rest = rest % len(MIDDLES), rest // len(MIDDLES)
    word = ONSETS[onset] + MIDDLES[middle] + ENDINGS[ending]
    return (word + ("" if rest == 0 else ONSETS[rest % len(ONSETS)])).capitalize()


def _expand(counts: dict[str, int]) -> list[str]:
    """A list in which each word appears as often as it was counted: uniform picks follow counts."""
    return [word for word, count in counts.items() for _ in range(count)]


class WordModel:
    """The bigram model of minutes wording, read from the statistics file."""

    def __init__(self, stats: dict, tail_size: int) -> None:
        self.successors = {word: _expand(counts) for word, counts in stats["successors"].items()}
        self.unigram = [word for word, following in self.successors.items() if word != "<s>"
                        for _ in range(len(following))]
        self.titles = {word: _expand(counts) for word, counts in stats["title_successors"].items()}
        self.openers = {kind: [opener.split() for opener in _expand(counts)]
                        for kind, counts in stats["openers"].items()}
        self.answer_openers = [opener.split() for opener in _expand(stats["answer_openers"])]
        self.lengths = stats["kind_lengths"]
        self.kinds = _expand({kind: len(lengths) for kind, lengths in self.lengths.items()})
        self.paragraphs = stats["paragraphs_per_page"]
        self.point_share = stats["point_share"]
        self.tail_size = tail_size

    def words(self, rng: random.Random, start: list[str], length: int) -> list[str]:
        """`start`, continued by the model to about `length` words, ending a sentence."""
        out = list(start)
        word = out[-1] if out else "<s>"
        successors, unigram, draw = self.successors, self.unigram, rng.random
        while True:
            if draw() < TAIL_SHARE and word not in ("<s>", "("):
                word = tail_word(int(self.tail_size ** draw()))
            else:
                following = successors.get(word) if draw() < BIGRAM_SHARE else None
                following = following or unigram
                word = following[int(draw() * len(following))]
            if word == "</s>":
                word = "."
            out.append(word)
            if len(out) >= length and word == ".":
                return out
            if len(out) >= length * 2:
                out.append(".")
                return out

    def title(self, rng: random.Random) -> str:
        """An agenda item title."""
        out: list[str] = []
        word = "<s>"
        while len(out) < 12:
            following = self.titles.get(word) or self.titles["<s>"]
            word = following[int(rng.random() * len(following))]
            if word == "</s>":
                break
            out.append(word)
        return detokenize(out) or "Minutes"


def detokenize(words: list[str]) -> str:
    """Words and punctuation tokens joined as written text."""
    text = " ".join(words)
    for mark in (".", ",", ";", ":", "?", ")"):
        text = text.replace(" " + mark, mark)
    text = text.replace("( ", "(").replace("..", ".").replace(",.", ".").replace(":.", ":")
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Council:
    """A generated council: name, web site, committees and councillors."""

    name: str
    site: str
    committees: tuple[str, ...]
    councillors: tuple[str, ...]


@dataclass
class CorpusInfo:
    """What a generated corpus holds."""

    documents: int = 0
    paragraphs: int = 0  # passages as written; the splitter makes about 0.9 passages of each
    changed: int = 0
    bytes: int = 0


class Generator:
    """Documents of a corpus of about `passages` passages, deterministic from `seed`."""

    def __init__(self, passages: int, seed: int = 7) -> None:
        self.passages, self.seed = passages, seed
        stats = json.loads(STATS_FILE.read_text(encoding="utf-8"))
        words = passages * sum(map(sum, stats["kind_lengths"].values())) / sum(
            map(len, stats["kind_lengths"].values()))
        self.model = WordModel(stats, tail_size=int(TAIL_FACTOR * math.sqrt(words)) + 100)
        rng = random.Random(f"{seed}:councils")
        count = max(2, round(math.sqrt(passages / 1000)))
        self.councils = [self._council(rng, n) for n in range(count)]
        # Big councils publish more: Zipf weights over councils.
        self.council_weights = [1 / (n + 1) for n in range(count)]

    def _council(self, rng: random.Random, n: int) -> Council:
        place = tail_word(n * 7919 % 400_000)
        kind = COUNCIL_KINDS[n % len(COUNCIL_KINDS)]
        committees = tuple(rng.sample(COMMITTEES, rng.randint(6, 12)))
        councillors = tuple(f"Councillor {tail_word(rng.randrange(20_000))}" for _ in range(60))
        return Council(f"{place} {kind}", f"{place.lower()}.moderngov.example", committees,
                       councillors)

    def documents(self, changed: float = 0.0, info: CorpusInfo | None = None) -> Iterator[dict]:
        """The corpus as bulk records; `changed` is the share of documents rewritten."""
        info = info if info is not None else CorpusInfo()
        meeting = 0
        while info.paragraphs * PASSAGES_PER_PARAGRAPH < self.passages:
            rng = random.Random(f"{self.seed}:meeting:{meeting}")
            council = rng.choices(self.councils, self.council_weights)[0]
            committee = rng.choice(council.committees)
            date = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
            first_item = rng.randint(1, 150)
            for offset in range(rng.randint(*ITEMS_PER_MEETING)):
                number = info.documents
                revision = 0
                if changed and random.Random(f"{self.seed}:change:{number}").random() < changed:
                    revision = 1
                    info.changed += 1
                record, paragraphs = self._document(number, revision, council, committee, date,
                                                    first_item + offset)
                info.documents += 1
                info.paragraphs += paragraphs
                yield record
            meeting += 1

    def _document(self, number: int, revision: int, council: Council, committee: str,
                  date: dt.date, item_number: int) -> tuple[dict, int]:
        # The shape (how many paragraphs) stays across revisions, so a changed corpus holds
        # the same documents; the wording comes from the revision's own generator.
        shape = random.Random(f"{self.seed}:shape:{number}")
        paragraphs, resolved = shape.choice(self.model.paragraphs), shape.random() < 0.5
        rng = random.Random(f"{self.seed}:document:{number}:{revision}")
        model = self.model
        title = model.title(rng)
        body = self._minutes(rng, council, paragraphs, resolved)
        description = detokenize(model.words(rng, ["To", "consider", "the"], rng.randint(8, 25)))
        if rng.random() < 0.7:
            head = ["Agendas, Meetings and Minutes - Agenda item", "Agenda item", title,
                    description, "Minutes:"]
        else:
            head = ["Issue - meetings", title,
                    f"Meeting: {date:%d/%m/%Y} - {committee} (Item {item_number})",
                    f"{item_number} {title} pdf icon PDF {rng.randint(40, 900)} KB", description,
                    "Minutes:"]
        text = "\n\n".join(head + body + ["Supporting documents:"])
        record = {"url": f"https://{council.site}/mgAi.aspx?ID={number}", "text": text,
                  "council": council.name, "committee": committee,
                  "meeting_date": date.isoformat(), "item_title": title,
                  "item_number": str(item_number)}
        return record, paragraphs + resolved

    def _minutes(self, rng: random.Random, council: Council, count: int, resolved: bool
                 ) -> list[str]:
        """The minutes paragraphs of one item, with a resolution at the end when `resolved`."""
        model = self.model
        out: list[str] = []
        in_points = False
        for n in range(count):
            kind = rng.choice(model.kinds)
            if n and not in_points and rng.random() < model.point_share / 3:
                who = rng.choice(("Members were given an opportunity to ask questions and",
                                  "In the ensuing discussion", "During the debate"))
                out.append(f"{who} {rng.choice(LEAD_INS)}")
                in_points = True
            paragraph = self._passage(rng, kind, council)
            if in_points:
                paragraph = "·       " + paragraph.replace("\n\n", " ")
            out.append(paragraph)
        if resolved:
            out.append(self._resolution(rng))
        return ["\u00a0\n\n" + p if rng.random() < 0.5 else p for p in out]

    def _passage(self, rng: random.Random, kind: str, council: Council) -> str:
        model = self.model
        length = rng.choice(model.lengths[kind])
        if kind != "qa":
            return detokenize(model.words(rng, rng.choice(model.openers[kind]), length))
        form = rng.choice(QA_FORMS)
        asker, answerer = rng.sample(council.councillors, 2)
        answer_start = rng.choice(model.answer_openers)
        if form == "opener":
            question = model.words(rng, rng.choice(model.openers["qa"]), length // 2)
            answer = model.words(rng, answer_start, length // 2)
            return detokenize(question[:-1] + [","] + answer)
        if form == "asked":
            question = model.words(rng, [asker, "asked", "whether"], length // 2)
            answer = model.words(rng, [answerer, "replied", "that"], length // 2)
            return detokenize(question) + " " + detokenize(answer)
        question = model.words(rng, ["Question", ":"], length // 2)
        answer = model.words(rng, ["Response", ":"] + answer_start, length // 2)
        return detokenize(question) + "\n\n" + detokenize(answer)

    def _resolution(self, rng: random.Random) -> str:
        """A RESOLVED block, sometimes with lettered parts."""
        model = self.model
        head = detokenize(model.words(rng, ["RESOLVED", "that", "the"], rng.randint(8, 20)))
        if rng.random() < 0.6:
            return head
        parts = [f"({letter})  " + detokenize(model.words(rng, ["the"], rng.randint(6, 16)))
                 for letter in "abcd"[:rng.randint(2, 4)]]
        return "\n\n".join([head.rstrip(".") + ":"] + parts)


def write_corpus(folder: Path, passages: int, seed: int = 7, changed: float = 0.0) -> CorpusInfo:
    """Write a corpus of about `passages` passages as `.jsonl` files in `folder`.

    Files hold SHARD_DOCUMENTS documents each, like the files of a nightly crawl, and stay well
    under the readers' size limit for one input file.
    """
    info = CorpusInfo()
    folder.mkdir(parents=True, exist_ok=True)
    out = None
    try:
        for record in Generator(passages, seed).documents(changed, info):
            if (info.documents - 1) % SHARD_DOCUMENTS == 0:
                if out:
                    out.close()
                out = open(folder / f"part-{info.documents // SHARD_DOCUMENTS:05d}.jsonl", "w",
                           encoding="utf-8")
            line = json.dumps(record, ensure_ascii=False) + "\n"
            info.bytes += len(line)
            out.write(line)
    finally:
        if out:
            out.close()
    log.info("wrote %s: %d documents, %d paragraphs", folder, info.documents, info.paragraphs)
    return info
