"""How the cost of ``article-analysis analyse`` grows with the length of the article.

Writes articles of varied news paragraphs (in a temporary folder, never in the repository) and
runs the whole command on each as a fresh process (``analyse FILE --json``, output discarded),
printing wall seconds, CPU seconds (user + sys of the child), seconds per MB and peak memory
(the child's ``ru_maxrss``). Sizes: 50 KB, 200 KB, 800 KB and 3.2 MB of paragraphs, and a 1 MB
article on a single line (no paragraph breaks). ``--report`` also times ``article-analysis
report`` on a 4 MB article (every report notebook) and prints the slowest cell.

The text comes from a generator (``--source synthetic``, the default): seeded sentence
templates filled from word lists and from invented names (a few thousand people, organisations
and places), so no paragraph repeats and the vocabulary and the set of names keep growing with
the text, as they do in a long real article. ``--source conll --eval ../shared/eval`` uses the
CoNLL-2003 training sentences instead (detokenised, shuffled into paragraphs, read at run time;
past about 1 MB sentences repeat).

The machine may be shared: CPU seconds are less disturbed than wall seconds; the load average
is printed with the table.

Usage::

    .venv/bin/python benchmarks/scaling_benchmark.py [--sizes 50,200,800,3200]
        [--line-kb 1000] [--repeat 1] [--report] [--source synthetic|conll] [--eval DIR]
        [--write FILE --kb N]   # write one generated article and stop (for profiling)
        [--stages]              # CPU seconds of each analysis stage, in one process
        [--processes N]         # ARTICLE_ANALYSIS_PROCESSES for the commands (1: no forking)

Targets (issue 15): seconds per MB within 1.5x from 50 KB to 3.2 MB; a 4 MB article analysed
in <= 40 s and <= 1 GB; its report in <= 3 min with no cell near the 600 s cell limit.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# --------------------------------------------------------------------------- the generator

_STATES = [
    "Russia",
    "China",
    "the United States",
    "North Korea",
    "South Korea",
    "Japan",
    "Vietnam",
    "India",
    "Germany",
    "France",
    "Brazil",
    "Turkey",
    "Iran",
    "Ukraine",
    "Poland",
    "Egypt",
    "Nigeria",
    "Indonesia",
    "Mexico",
    "Canada",
    "Australia",
]
_DEMONYMS = [
    "Russian",
    "Chinese",
    "American",
    "North Korean",
    "Japanese",
    "Vietnamese",
    "Indian",
    "German",
    "French",
    "Brazilian",
    "Turkish",
    "Iranian",
    "Ukrainian",
]
_CAPITALS = [
    "Moscow",
    "Beijing",
    "Washington",
    "Pyongyang",
    "Seoul",
    "Tokyo",
    "Hanoi",
    "Berlin",
    "Paris",
    "Ankara",
    "Tehran",
    "Kyiv",
    "Warsaw",
    "Cairo",
]
_LEADERS = [
    "Vladimir Putin",
    "Xi Jinping",
    "Kim Jong Un",
    "Emmanuel Macron",
    "Olaf Scholz",
    "Narendra Modi",
    "Recep Tayyip Erdogan",
    "Antony Blinken",
    "Sergei Lavrov",
]
_ORGS = [
    "the United Nations",
    "NATO",
    "the European Union",
    "the World Bank",
    "the International Monetary Fund",
    "the U.N. Security Council",
    "ASEAN",
    "Reuters",
]
_TITLES = ["president", "foreign minister", "prime minister", "defence minister"]
_ROLES = [
    "spokesman",
    "adviser",
    "analyst",
    "economist",
    "official",
    "diplomat",
    "director",
    "researcher",
    "negotiator",
    "lawmaker",
    "envoy",
    "governor",
]
_ORG_SUFFIXES = [
    "Bank",
    "Ministry",
    "Institute",
    "Council",
    "Agency",
    "Group",
    "University",
    "Party",
    "Foundation",
    "Corporation",
]
_PLACE_SUFFIXES = ["Province", "River", "Airport", "Valley", "Port"]
_NOUNS = """agreement economy border treaty sanction pipeline harbour election budget tariff
reform ceasefire summit delegation inquiry shipment reactor railway loan deficit vaccine drought
harvest strike protest court ruling vote parliament coalition market currency inflation debt
export import factory plant mine refinery grid satellite missile exercise fleet convoy
corridor bridge port ferry visa refugee migrant aid grant fund bond audit contract tender
license charter dispute claim boundary fishery quota emission forest flood storm earthquake
hospital school university curriculum pension wage salary subsidy tax levy revenue surplus
forecast survey poll campaign rally manifesto candidate ballot turnout recount verdict appeal
hearing testimony witness detention release exchange talks dialogue framework roadmap
memorandum protocol""".split()
_VERBS = """signed rejected approved criticised welcomed postponed announced proposed
questioned defended expanded reduced suspended resumed extended ratified challenged
investigated reviewed delayed endorsed condemned praised blocked financed negotiated
doubled halved restored revised""".split()
_ADJECTIVES = """new major fragile costly bilateral regional national strategic
controversial ambitious modest sweeping temporary permanent landmark disputed secret public
joint economic military diplomatic fiscal legal urgent crucial limited broad narrow
unprecedented cautious hopeful bitter tense stable volatile""".split()
_OPINIONS = [
    "deeply troubling",
    "a welcome step",
    "a serious mistake",
    "long overdue",
    "a clear violation",
    "a great success",
    "entirely unacceptable",
    "a dangerous precedent",
    "good news for everyone",
    "a betrayal of trust",
    "a victory for common sense",
    "a disaster for the region",
]
_SYLLABLES = """ka ro vi len mar tos bel dan ish or ush ev ko na tal rin sev gor mil pa dra
zen lu fe ar bo chi kov sky ez ta mi no vel ras kin dor an el um ber lo""".split()


def _a(word: str) -> str:
    """The word with its indefinite article."""
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


class NewsGenerator:
    """Seeded varied news prose: sentence templates filled from word lists and invented names.

    Invented names (people, organisations, places) come from a pool that keeps growing with the
    text, as a long article keeps introducing people; common words repeat with a Zipf-like
    skew; invented technical words (lower case) make the vocabulary grow too.
    """

    def __init__(self, seed: int = 15) -> None:
        self.rng = random.Random(seed)
        self.people: list[str] = []
        self.orgs: list[str] = []
        self.places: list[str] = []
        self.words: list[str] = []

    def _invent(self, syllables: tuple[int, int]) -> str:
        n = self.rng.randint(*syllables)
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(n))

    def _pick(self, pool: list[str], make, new_share: float = 0.08) -> str:
        if not pool or self.rng.random() < new_share:
            pool.append(make())
            return pool[-1]
        # Skewed towards recent and early entries, as a story returns to its main people.
        index = int(len(pool) * self.rng.random() ** 2.5)
        return pool[index if self.rng.random() < 0.5 else -1 - index]

    def person(self) -> str:
        return self._pick(
            self.people, lambda: f"{self._invent((2, 3)).title()} {self._invent((2, 4)).title()}"
        )

    def surname(self) -> str:
        return self.person().split()[-1]

    def org(self) -> str:
        return self._pick(
            self.orgs, lambda: f"{self._invent((2, 3)).title()} {self.rng.choice(_ORG_SUFFIXES)}"
        )

    def place(self) -> str:
        return self._pick(self.places, lambda: self._invent((2, 3)).title())

    def word(self) -> str:
        return self._pick(self.words, lambda: self._invent((3, 4)), new_share=0.03)

    def noun(self) -> str:
        return _NOUNS[int(len(_NOUNS) * self.rng.random() ** 1.7)]

    def sentence(self) -> str:
        r = self.rng
        c = r.choice
        forms = [
            lambda: (
                f"{c(_STATES)} and {c(_STATES)} {c(_VERBS)} {_a(c(_ADJECTIVES))} {self.noun()} "
                f"on {c(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}, "
                f"{r.randint(2, 40)} months after talks in {c(_CAPITALS)} broke down."
            ),
            lambda: (
                f"“The {self.noun()} is {c(_OPINIONS)},” {self.person()}, {_a(c(_ROLES))} at "
                f"the {self.org()}, told {c(_ORGS)}."
            ),
            lambda: (
                f"{self.person()} said the {self.noun()} would cost about "
                f"${r.randint(2, 900)} million and cover {r.randint(3, 95)}% of the "
                f"{self.word()} {self.noun()} in {self.place()}."
            ),
            lambda: (
                f"The {c(_DEMONYMS)} {c(_TITLES)} {c(_VERBS)} the {self.noun()}, according "
                f"to a statement from {c(_CAPITALS)}."
            ),
            lambda: (
                f"{c(_CAPITALS)} has {c(_VERBS)} the {c(_ADJECTIVES)} {self.noun()} with "
                f"{c(_CAPITALS)}, while {c(_LEADERS)} {c(_VERBS)} {_a(self.noun())} for "
                f"{self.place()} {c(_PLACE_SUFFIXES)}."
            ),
            lambda: (
                f"“We will not accept {_a(c(_ADJECTIVES))} {self.noun()}. The people of "
                f"{self.place()} deserve better,” said {self.surname()}."
            ),
            lambda: (
                f"Mr. {self.surname()}, who leads the {self.org()}, {c(_VERBS)} the "
                f"{self.word()} plan in {r.randint(1990, 2024)} and again last year."
            ),
            lambda: (
                f"Officials at {c(_ORGS)} estimated that {r.randint(2, 80)},"
                f"{r.randint(100, 999)} people had left {self.place()} since the "
                f"{c(_ADJECTIVES)} {self.noun()} began."
            ),
            lambda: (
                f"In a {c(['speech', 'letter', 'interview', 'statement'])} on "
                f"{c(['June', 'March', 'October'])} {r.randint(1, 28)}, {c(_LEADERS)} "
                f"called the {self.noun()} “{c(_OPINIONS)}” and {c(_VERBS)} the "
                f"{self.word()} {self.noun()}."
            ),
            lambda: (
                f"Critics of the {self.org()}, including {self.person()} and "
                f"{self.person()}, say the {self.noun()} remains {c(_ADJECTIVES)} and "
                f"poorly {c(_VERBS)}."
            ),
            lambda: (
                f"The U.S. {c(_TITLES)} met {c(_DEMONYMS)} counterparts at "
                f"{r.randint(7, 11)} a.m. to discuss the {self.noun()} and the "
                f"{self.noun()}."
            ),
            lambda: (
                f"{self.surname()}'s {c(_ROLES)} declined to comment on the "
                f"{c(_ADJECTIVES)} {self.noun()}, but {self.org()} shares fell "
                f"{r.randint(1, 30)}.{r.randint(0, 9)}% after the {self.noun()}."
            ),
        ]
        return c(forms)()

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def article(self, n_bytes: int, single_line: bool = False) -> str:
        """A headline and paragraphs (blank lines between them) of about ``n_bytes`` bytes."""
        parts = [f"{c.title()} Talks Resume" for c in [self.place()]]
        size = len(parts[0].encode())
        while size < n_bytes:
            parts.append(self.paragraph())
            size += len(parts[-1].encode()) + 2
        if single_line:
            return " ".join(parts[1:])
        return "\n\n".join(parts) + "\n"


def conll_article(eval_dir: Path, n_bytes: int, seed: int = 15, single_line: bool = False) -> str:
    """CoNLL-2003 training sentences, detokenised, shuffled into paragraphs of 2–5 sentences."""
    from nltk.tokenize.treebank import TreebankWordDetokenizer

    detok = TreebankWordDetokenizer()
    sentences, tokens = [], []
    path = eval_dir / "ner" / "conll2003_train.txt"
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip() and not line.startswith("-DOCSTART-"):
            tokens.append(line.split()[0])
        elif tokens:
            if len(tokens) > 3:
                sentences.append(detok.detokenize(tokens))
            tokens = []
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < n_bytes:
        rng.shuffle(sentences)
        i = 0
        while i < len(sentences) and size < n_bytes:
            k = rng.randint(2, 5)
            paragraphs.append(" ".join(sentences[i : i + k]))
            size += len(paragraphs[-1].encode()) + 2
            i += k
    return " ".join(paragraphs) if single_line else "\n\n".join(paragraphs) + "\n"


def make_article(args: argparse.Namespace, n_bytes: int, single_line: bool = False) -> str:
    if args.source == "conll":
        return conll_article(args.eval, n_bytes, single_line=single_line)
    return NewsGenerator().article(n_bytes, single_line=single_line)


# --------------------------------------------------------------------------- measuring


def run_child(argv: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``argv``; return wall seconds, CPU seconds (user + sys) and peak RSS in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    stderr = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode:
        sys.exit(
            f"{' '.join(argv)} failed ({process.returncode}):\n"
            f"{stderr.decode(errors='replace')[-3000:]}"
        )
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


# Quote attribution (analysis.actors.quotes) is being rewritten elsewhere; --stub-quotes
# replaces it by an empty table in every child process (the command and the report kernels,
# through a sitecustomize module on PYTHONPATH) to show what the rest costs on its own.
_STUB_QUOTES = """
import pandas as pd
import analysis.actors as actors_package
import analysis.actors.analysis as actors_analysis
import analysis.actors.quotes as quotes_module
from analysis.actors.quotes import QUOTE_COLUMNS
def _stub(doc, mentions):
    return pd.DataFrame(columns=QUOTE_COLUMNS)
actors_analysis.attribute_quotes = quotes_module.attribute_quotes = _stub
actors_package.attribute_quotes = _stub
"""
CHILD_ENV: dict[str, str] | None = None


def stub_quotes_env(folder: Path) -> dict[str, str]:
    """An environment whose Python processes start with quote attribution stubbed out."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(_STUB_QUOTES, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


def analyse_row(path: Path, repeat: int) -> dict[str, float]:
    runs = [
        run_child([sys.executable, "-m", "analysis.cli", "analyse", str(path), "--json"], CHILD_ENV)
        for _ in range(max(1, repeat))
    ]
    best = min(runs, key=lambda r: r["cpu"])
    best["rss_mb"] = max(r["rss_mb"] for r in runs)
    return best


def slowest_cells(out: Path, top: int = 5) -> list[tuple[float, str, int]]:
    """The slowest cells of the executed notebooks under ``out`` (seconds, notebook, cell)."""
    rows = []
    for notebook in out.rglob("notebooks/*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            seconds = cell.get("metadata", {}).get("papermill", {}).get("duration")
            if seconds is not None:
                rows.append((float(seconds), notebook.stem, index))
    return sorted(rows, reverse=True)[:top]


# --------------------------------------------------------------------------- stages


def _stage_calls():
    """``(stage, function of (article, doc, dictionary))``: the record's parts, then what the
    report notebooks call (imported here so that generating text needs no analysis import)."""
    from analysis import actors, sentiment, stats
    from analysis.actors.dictionary_mentions import dictionary_candidates, nominal_mentions
    from analysis.actors.fusion import fuse, recognised_names
    from analysis.actors.linking import link_spans
    from analysis.actors.quotes import attribute_quotes
    from analysis.record import build_record
    from analysis.text import prepare

    def linked(doc, dictionary):
        spans = fuse(doc, dictionary_candidates(doc, dictionary), recognised_names(doc))
        return link_spans(doc, spans, dictionary)

    return [
        ("prepare (sentences, tokens)", lambda a, d, k: prepare(a)),
        ("record: stats", lambda a, d, k: stats.record_section(d)),
        ("record: sentiment", lambda a, d, k: sentiment.record_section(d)),
        ("actors: dictionary forms", lambda a, d, k: dictionary_candidates(d, k)),
        ("actors: name recogniser (CRF)", lambda a, d, k: recognised_names(d)),
        ("actors: fusion and linking", lambda a, d, k: linked(d, k)),
        ("actors: nominals", lambda a, d, k: nominal_mentions(d, k, linked(d, k))),
        (
            "actors: quotes (attribution)",
            lambda a, d, k: attribute_quotes(d, actors.detect_mentions(d, k)),
        ),
        ("actors: analyse_actors (all)", lambda a, d, k: actors.analyse_actors(d, k)),
        ("whole record (build_record)", lambda a, d, k: build_record(a, dictionary=k)),
        (
            "01: overview, sections, readability",
            lambda a, d, k: (
                stats.overview_table(d),
                stats.section_table(d),
                stats.readability_table(d),
                stats.sentence_table(d),
                stats.longest_sentences(d, 5),
            ),
        ),
        (
            "01: words, n-grams",
            lambda a, d, k: (
                stats.word_frequencies(d, top_n=15),
                stats.ngram_counts(d, 2, min_count=2),
                stats.ngram_counts(d, 3, min_count=2),
            ),
        ),
        ("01: collocations", lambda a, d, k: stats.collocations(d)),
        ("01: keyness", lambda a, d, k: stats.keyness(d, top_n=None)),
        (
            "01: dispersion, kwic",
            lambda a, d, k: (
                stats.dispersion(d, stats.dispersion_terms(d)),
                stats.kwic(d, stats.frequent_names(d, 2)),
            ),
        ),
        ("01: lexical diversity", lambda a, d, k: stats.lexical_diversity(d, 50)),
        (
            "02: sentences, tone, explain",
            lambda a, d, k: (
                sentiment.sentence_table(d),
                sentiment.article_tone(d),
                sentiment.gdelt_tone(d),
                sentiment.explain(d),
                sentiment.tone_summary(d),
                sentiment.section_tone(d),
                sentiment.paragraph_tone(d),
            ),
        ),
        ("02: AFINN comparison", lambda a, d, k: sentiment.afinn_comparison(d)),
        (
            "02: quotations vs narration",
            lambda a, d, k: (sentiment.quotations(d), sentiment.quotations_vs_narration(d)),
        ),
        (
            "03: highlighted text",
            lambda a, d, k: actors.highlight_html(d, actors.detect_mentions(d, k)),
        ),
    ]


def run_stages(args: argparse.Namespace) -> None:
    """Time each stage in this process (CPU seconds) on each size; print one table."""
    from analysis.actors import load_dictionary
    from analysis.article import article_from_string
    from analysis.text import prepare

    dictionary = load_dictionary()
    sizes = [int(kb) for kb in args.sizes.split(",")]
    if args.stub_quotes:
        exec(_STUB_QUOTES, {})  # the stub above, in this process
        import analysis.actors.quotes as quotes_module

        quotes_module.attribute_quotes = sys.modules["analysis.actors.analysis"].attribute_quotes
    calls = _stage_calls()
    warm = article_from_string(NewsGenerator(seed=1).article(20_000))
    for _, call in calls:  # imports, caches and lazy loading out of the way
        call(warm, prepare(warm), dictionary)
    table: dict[str, list[float]] = {name: [] for name, _ in calls}
    for kb in sizes:
        article = article_from_string(make_article(args, kb * 1000), article_id=f"a{kb}")
        doc = prepare(article)
        for name, call in calls:
            started = time.process_time()
            call(article, doc, dictionary)
            table[name].append(time.process_time() - started)
            print(f"  {kb} KB {name}: {table[name][-1]:.2f} s", file=sys.stderr, flush=True)
    load = os.getloadavg()
    print(
        f"\nCPU seconds per stage, in one process ({args.source} text; load average "
        f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}); last column: growth of seconds per MB "
        f"from {sizes[0]} KB to {sizes[-1]} KB\n"
    )
    print("| stage | " + " | ".join(f"{kb} KB" for kb in sizes) + " | s/MB growth |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    for name, seconds in table.items():
        growth = (
            (seconds[-1] / sizes[-1]) / (seconds[0] / sizes[0])
            if seconds[0] > 0.005
            else float("nan")
        )
        print(f"| {name} | " + " | ".join(f"{x:.2f}" for x in seconds) + f" | {growth:.2f}x |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="50,200,800,3200",
        help="article sizes in KB, comma-separated (default 50,200,800,3200)",
    )
    parser.add_argument(
        "--line-kb",
        type=int,
        default=1000,
        help="size of the single-line article in KB (0: none; default 1000)",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per size; the one with least CPU time is shown"
    )
    parser.add_argument(
        "--report",
        action="store_true",
        help="also time `report` on a 4 MB article (several minutes)",
    )
    parser.add_argument("--report-kb", type=int, default=4000)
    parser.add_argument("--source", choices=("synthetic", "conll"), default="synthetic")
    parser.add_argument(
        "--eval",
        type=Path,
        default=ROOT.parent / "shared" / "eval",
        help="evaluation data folder, for --source conll",
    )
    parser.add_argument("--write", type=Path, help="write one article to this file and stop")
    parser.add_argument("--kb", type=int, default=400, help="size for --write")
    parser.add_argument("--single-line", action="store_true", help="with --write")
    parser.add_argument(
        "--stub-quotes",
        action="store_true",
        help="replace quote attribution by an empty table (see _STUB_QUOTES)",
    )
    parser.add_argument(
        "--processes",
        type=int,
        help="ARTICLE_ANALYSIS_PROCESSES for the commands (1: everything in one process, "
        "to see the work itself grow; default: what the machine allows)",
    )
    parser.add_argument(
        "--stages",
        action="store_true",
        help="time each analysis stage in one process instead (CPU seconds)",
    )
    args = parser.parse_args(argv)
    if args.stages:
        run_stages(args)
        return 0

    if args.write:
        args.write.write_text(
            make_article(args, args.kb * 1000, args.single_line), encoding="utf-8"
        )
        return 0

    cases = [(f"{kb} KB paragraphs", kb, False) for kb in map(int, args.sizes.split(","))]
    if args.line_kb:
        cases.append((f"{args.line_kb} KB one line", args.line_kb, True))
    rows = []
    global CHILD_ENV
    with tempfile.TemporaryDirectory(prefix="scaling-bench-") as tmp:
        if args.stub_quotes:
            CHILD_ENV = stub_quotes_env(Path(tmp) / "stub")
        if args.processes is not None:
            CHILD_ENV = {
                **(CHILD_ENV or os.environ),
                "ARTICLE_ANALYSIS_PROCESSES": str(args.processes),
            }
        # Start-up (imports, dictionary, lexicons) on a 2 KB article: a fixed cost per process.
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text(make_article(args, 2000), encoding="utf-8")
        startup = analyse_row(tiny, max(args.repeat, 2))
        print(f"  start-up (2 KB article): {startup['cpu']:.1f} s CPU", flush=True)
        for label, kb, single in cases:
            path = Path(tmp) / f"article-{kb}{'-line' if single else ''}.txt"
            path.write_text(make_article(args, kb * 1000, single), encoding="utf-8")
            mb = path.stat().st_size / 1e6
            row = analyse_row(path, args.repeat)
            rows.append((label, mb, row))
            print(
                f"  {label}: {row['wall']:.1f} s wall, {row['cpu']:.1f} s CPU, "
                f"{row['rss_mb']:.0f} MB",
                flush=True,
            )
        report = None
        if args.report:
            path = Path(tmp) / "long-article.txt"
            path.write_text(make_article(args, args.report_kb * 1000), encoding="utf-8")
            analysed = analyse_row(path, 1)
            out = Path(tmp) / "reports"
            timing = run_child(
                [
                    sys.executable,
                    "-m",
                    "analysis.cli",
                    "report",
                    str(path),
                    "--out",
                    str(out),
                    "--no-progress",
                    "--jobs",
                    "1",
                ],
                CHILD_ENV,
            )
            report = (path.stat().st_size / 1e6, analysed, timing, slowest_cells(out))

    from analysis.forking import ENV_PROCESSES, process_count

    load = os.getloadavg()
    stub = "; quote attribution stubbed out" if args.stub_quotes else ""
    print(
        f"\nanalyse --json, whole process ({args.source} text{stub}; load average "
        f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} CPUs; up to "
        f"{args.processes or process_count()} processes per long article ({ENV_PROCESSES}); "
        "CPU s counts them all; "
        "start-up "
        f"{startup['cpu']:.1f} s CPU, {startup['rss_mb']:.0f} MB)\n"
    )
    print(
        "| article | MB | wall s | CPU s | wall s/MB | CPU s/MB | CPU s/MB past start-up | "
        "vs smallest | peak MB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    base = (rows[0][2]["cpu"] - startup["cpu"]) / rows[0][1]
    for label, mb, row in rows:
        per_mb = row["cpu"] / mb
        marginal = (row["cpu"] - startup["cpu"]) / mb
        print(
            f"| {label} | {mb:.2f} | {row['wall']:.1f} | {row['cpu']:.1f} | "
            f"{row['wall'] / mb:.1f} | {per_mb:.1f} | {marginal:.1f} | "
            f"{marginal / base:.2f}x | {row['rss_mb']:.0f} |"
        )
    if report:
        mb, analysed, timing, cells = report
        print(
            f"\n{mb:.1f} MB article: analyse {analysed['wall']:.1f} s wall "
            f"({analysed['cpu']:.1f} s CPU, {analysed['rss_mb']:.0f} MB); report (every "
            f"notebook, --jobs 1) {timing['wall']:.1f} s wall ({timing['cpu']:.1f} s CPU of "
            f"the runner and its kernels)"
        )
        print(
            "slowest cells: "
            + ", ".join(f"{name} cell {index} {seconds:.1f} s" for seconds, name, index in cells)
        )
    print(
        '\ntargets: s/MB within 1.5x from 50 KB to 3.2 MB ("vs smallest": CPU past the '
        "fixed start-up); a 4 MB article <= 40 s and <= 1 GB; its report <= 3 min, no cell "
        "near 600 s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
