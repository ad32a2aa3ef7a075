"""Corpus runs on a synthetic corpus: in-process, on a local Dask cluster, and through the CLI."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus.inputs import CorpusOptions, Partition
from analysis.corpus.run import (
    CORPUS_SCHEMA,
    MANIFEST,
    analyse_partition,
    is_corpus_dir,
    read_corpus,
    read_table,
    run_corpus,
)
from analysis.corpus.tables import SCHEMAS
from analysis.errors import CorpusError, CorpusInputError, DictionaryError, ParameterError

from ..conftest import GERMAN

GOOD = [
    {
        "id": "g1",
        "title": "Moscow and Pyongyang",
        "source": "wire",
        "date": "2024-06-18",
        "text": "Vladimir Putin arrived in Pyongyang.\n\nHe met Kim Jong Un. They signed a pact.",
    },
    {
        "id": "g2",
        "title": "Short",
        "source": "paper",
        "date": "2024-06-19",
        "text": "Is this the first paragraph?",
    },  # one short paragraph: still body
    {
        "id": "g3",
        "title": "",
        "source": "paper",
        "date": "2024-06-20",
        "text": "One sentence here. And a second one.\n\nA third.",
    },
]
ENGLISH = (
    "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with "
    "Kim Jong Un. The two leaders signed a treaty on trade and security, and the United "
    "States said it was concerned about the deal."
)
BAD = [
    {"id": "empty", "text": ""},
    {"id": "blank", "text": "   \n\n  "},
    {"id": "nul", "text": "binary\u0000data\u0000"},
    {"id": "missing-text", "title": "no text key"},
]


def _write_jsonl(path, rows, extra_lines=()):
    lines = [json.dumps(r) for r in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path):
    """GOOD and BAD rows interleaved, plus one line that is not JSON (9 rows in all)."""
    rows = [GOOD[0], BAD[0], GOOD[1], BAD[1], BAD[2], GOOD[2], BAD[3]]
    return _write_jsonl(tmp_path / "corpus.jsonl", rows, extra_lines=["{broken json"])


def _expected_failures():
    # (input_id, error type) for the bad rows; the broken line is line 8 of the file.
    return {
        ("empty", "EmptyArticleError"),
        ("blank", "EmptyArticleError"),
        ("nul", "BinaryFileError"),
        ("missing-text", "EmptyArticleError"),
        ("corpus.jsonl:8", "CorpusRowError"),
    }


def _check_corpus(out, result):
    tables = read_corpus(out)
    assert (result.articles, result.failures) == (3, 5)
    assert sorted(tables.articles["input_id"]) == ["g1", "g2", "g3"]
    assert (
        set(zip(tables.failures["input_id"], tables.failures["error_type"], strict=True))
        == _expected_failures()
    )
    assert set(tables.failures["stage"]) == {"read"}
    g2 = tables.articles.set_index("input_id").loc["g2"]
    # "Is this the first paragraph?": 1 paragraph, 1 sentence, 5 words; title from the column.
    assert (g2["paragraphs"], g2["sentences"], g2["words"], g2["title"]) == (1, 1, 5, "Short")
    assert (g2["source"], g2["date"]) == ("paper", "2024-06-19")
    # g3: "One sentence here." 3 words + "And a second one." 4 | "A third." 2: 2 paragraphs,
    # 3 sentences, 9 words.
    g3 = tables.articles.set_index("input_id").loc["g3"]
    assert (g3["paragraphs"], g3["sentences"], g3["words"]) == (2, 3, 9)
    assert list(tables.articles.columns) == SCHEMAS["articles"].names
    assert tables.manifest["schema"] == CORPUS_SCHEMA
    assert tables.manifest["counts"]["articles"] == 3
    return tables


def test_inline_run(corpus, tmp_path):
    result = run_corpus(corpus, tmp_path / "out", workers=0, partition_size=3, progress=False)
    assert result.partitions == 3  # 8 lines in slices of 3
    _check_corpus(tmp_path / "out", result)
    assert result.errors_by_type == {
        "EmptyArticleError": 3,
        "BinaryFileError": 1,
        "CorpusRowError": 1,
    }


def test_local_cluster_threads_match_inline(corpus, tmp_path):
    inline = run_corpus(corpus, tmp_path / "a", workers=0, partition_size=2, progress=False)
    dask = run_corpus(
        corpus, tmp_path / "b", workers=2, processes=False, partition_size=2, progress=False
    )
    assert (dask.articles, dask.failures, dask.workers) == (inline.articles, inline.failures, 2)
    a = read_table(tmp_path / "a", "articles").sort_values("input_id", ignore_index=True)
    b = read_table(tmp_path / "b", "articles").sort_values("input_id", ignore_index=True)
    pd.testing.assert_frame_equal(a, b)


def test_local_cluster_processes(corpus, tmp_path):
    """One run on real worker processes (slower: each worker imports the package)."""
    result = run_corpus(
        corpus, tmp_path / "out", workers=2, partition_size=3, progress=False, sentences=True
    )
    tables = _check_corpus(tmp_path / "out", result)
    assert result.peak_worker_rss_mb and result.peak_worker_rss_mb > 10
    # sentences: g1 3, g2 1, g3 3
    assert result.sentences == 7 == len(tables.sentences)
    assert tables.sentences.groupby("input_id").size().to_dict() == {"g1": 3, "g2": 1, "g3": 3}


def test_existing_scheduler(corpus, tmp_path):
    """--scheduler: the run uses a cluster started elsewhere (here, in this process)."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": ":0"},
    ) as cluster:
        address = cluster.scheduler_address
        result = run_corpus(
            corpus, tmp_path / "out", scheduler=address, workers=5, partition_size=4, progress=False
        )
        assert len(cluster.workers) == 1  # the cluster outlives the run
    assert (result.scheduler, result.workers) == (address, 1)
    _check_corpus(tmp_path / "out", result)


def test_folder_of_files_with_bad_files(tmp_path, seed_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(seed_path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "page.md").write_text("# A title\n\nA body paragraph.", encoding="utf-8")
    result = run_corpus(folder, tmp_path / "out", workers=0, progress=False)
    tables = read_corpus(tmp_path / "out")
    articles = tables.articles.set_index("id")
    assert articles.loc["seed", "words"] == 947  # pinned in tests/test_text.py
    assert articles.loc["seed", "zones_boilerplate_lines"] == 7
    assert articles.loc["page", "title"] == "A title"
    assert (result.articles, result.failures) == (2, 2)
    assert dict(
        zip(
            tables.failures["input_id"].str.rsplit("/", n=1).str[-1],
            tables.failures["error_type"],
            strict=True,
        )
    ) == {"empty.txt": "EmptyArticleError", "image.txt": "BinaryFileError"}


def test_csv_and_parquet_inputs_give_the_same_articles(tmp_path):
    frame = pd.DataFrame(GOOD)
    frame.to_csv(tmp_path / "c.csv", index=False)
    frame.to_parquet(tmp_path / "c.parquet")
    for name in ("c.csv", "c.parquet"):
        run_corpus(tmp_path / name, tmp_path / f"out-{name}", workers=0, progress=False)
    csv = read_table(tmp_path / "out-c.csv", "articles").drop(columns="origin")
    parquet = read_table(tmp_path / "out-c.parquet", "articles").drop(columns="origin")
    pd.testing.assert_frame_equal(csv, parquet)
    # g1: "Vladimir Putin arrived in Pyongyang." 5 + "He met Kim Jong Un." 5 +
    # "They signed a pact." 4 = 14 words; g2: 5; g3: 3 + 4 + 2 = 9.
    assert list(csv["words"]) == [14, 5, 9]


def test_a_failing_analysis_lands_in_failures(corpus, monkeypatch):
    import analysis.corpus.run as corpus_module

    def explode(article, zones, dictionary=None, **options):
        if article.id == "g2":
            raise RuntimeError("analysis bug")
        return original(article, zones, dictionary, **options)

    original = corpus_module.build_record
    monkeypatch.setattr(corpus_module, "build_record", explode)
    part = Partition(0, "jsonl", path=str(corpus), start=0, stop=corpus.stat().st_size)
    rows = analyse_partition(part, CorpusOptions())
    assert [r["input_id"] for r in rows["articles"]] == ["g1", "g3"]
    [failure] = [f for f in rows["failures"] if f["stage"] == "analyse"]
    assert (failure["input_id"], failure["error_type"], failure["message"]) == (
        "g2",
        "RuntimeError",
        "analysis bug",
    )


def test_unreadable_partition_is_one_failure(tmp_path):
    part = Partition(4, "files", paths=())
    gone = Partition(5, "parquet", path=str(tmp_path / "deleted.parquet"))
    assert analyse_partition(part, CorpusOptions())["failures"] == []
    [failure] = analyse_partition(gone, CorpusOptions())["failures"]
    assert (failure["stage"], failure["partition"], failure["input_id"]) == ("partition", 5, None)


def test_rerun_replaces_previous_parts(corpus, tmp_path):
    out = tmp_path / "out"
    run_corpus(corpus, out, workers=0, partition_size=1, progress=False)
    assert len(list((out / "articles").glob("part-*.parquet"))) == 3
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    run_corpus(corpus, out, workers=0, partition_size=100, progress=False)
    assert len(list((out / "articles").glob("part-*.parquet"))) == 1
    assert len(read_table(out, "articles")) == 3
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_read_errors(tmp_path):
    assert not is_corpus_dir(tmp_path)
    with pytest.raises(CorpusError, match=f"not a corpus output folder \\(no {MANIFEST}\\)"):
        read_corpus(tmp_path)
    with pytest.raises(ParameterError, match="unknown corpus table 'people'"):
        read_table(tmp_path, "people")
    empty = read_table(tmp_path, "actors", columns=["actor_id", "mentions"])
    assert list(empty.columns) == ["actor_id", "mentions"] and empty.empty


def test_bad_arguments(corpus, tmp_path):
    with pytest.raises(ParameterError, match="workers must be 0 or more"):
        run_corpus(corpus, tmp_path / "o", workers=-1)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="the output path is a file"):
        run_corpus(corpus, tmp_path / "file", workers=0, progress=False)
    with pytest.raises(CorpusInputError, match="no text column 'body'"):
        run_corpus(corpus, tmp_path / "o", text_column="body", workers=0)


def test_unreachable_scheduler(corpus, tmp_path, monkeypatch):
    import analysis.corpus.run as corpus_module

    monkeypatch.setattr(corpus_module, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(CorpusError, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        run_corpus(corpus, tmp_path / "o", scheduler="tcp://127.0.0.1:9", progress=False)


def _cli(argv):
    return main(["corpus", *argv])


def test_cli_exit_codes(corpus, tmp_path, capsys):
    good = _write_jsonl(tmp_path / "good.jsonl", GOOD)
    assert _cli([str(good), "--out", str(tmp_path / "o1"), "--workers", "0", "--no-progress"]) == 0
    assert "3 articles analysed, 0 failed" in capsys.readouterr().out
    assert (
        _cli(
            [
                str(corpus),
                "--out",
                str(tmp_path / "o2"),
                "--workers",
                "0",
                "--no-progress",
                "--sentences",
            ]
        )
        == 1
    )
    captured = capsys.readouterr()
    assert "3 articles analysed, 5 failed" in captured.out
    assert "BinaryFileError 1, CorpusRowError 1, EmptyArticleError 3" in captured.err
    assert (tmp_path / "o2" / "sentences").is_dir()


def test_cli_options_reach_run_corpus(tmp_path):
    rows = [{"key": "k1", "body": "Some words here.", "outlet": "AP"}]
    path = _write_jsonl(tmp_path / "c.jsonl", rows)
    assert (
        _cli(
            [
                str(path),
                "--out",
                str(tmp_path / "o"),
                "--workers",
                "0",
                "--no-progress",
                "--text-column",
                "body",
                "--id-column",
                "key",
                "--source-column",
                "outlet",
            ]
        )
        == 0
    )
    row = read_table(tmp_path / "o", "articles").iloc[0]
    assert (row["input_id"], row["source"], row["words"]) == ("k1", "AP", 3)


def test_user_actor_dictionary(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n  - id: org:acme-widgets\n    name: Acme Widgets\n"
        "    type: organization\n    names: [Acme Widgets]\n",
        encoding="utf-8",
    )
    rows = [{"id": "w1", "text": "Acme Widgets opened a plant. Acme Widgets hired workers."}]
    path = _write_jsonl(tmp_path / "c.jsonl", rows)
    run_corpus(path, tmp_path / "out", workers=0, progress=False, actor_dictionary=extra)
    actors = read_table(tmp_path / "out", "actors").set_index("actor_id")
    assert actors.loc["org:acme-widgets", "mentions_name"] == 2  # named twice
    broken = tmp_path / "bad.yaml"
    broken.write_text("actors:\n  - id: x\n    name: X\n    type: planet\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.yaml, line"):
        run_corpus(path, tmp_path / "out2", workers=0, progress=False, actor_dictionary=broken)
    assert not (tmp_path / "out2").exists()  # refused before anything is written


def test_progress_bar_on_stderr(corpus, tmp_path, capsys):
    run_corpus(corpus, tmp_path / "out", workers=0, partition_size=3, progress=True)
    err = capsys.readouterr().err
    assert "corpus: 100%" in err and "3/3" in err and "partition" in err


def test_german_row_fails_by_name_unless_allowed(tmp_path, capsys):
    title, body = GERMAN.split("\n\n", 1)
    rows = [
        {"id": "en1", "title": "Leaders meet", "text": ENGLISH},
        {"id": "de1", "title": title, "text": body},
    ]
    path = _write_jsonl(tmp_path / "c.jsonl", rows)
    assert _cli([str(path), "--out", str(tmp_path / "o1"), "--workers", "0", "--no-progress"]) == 1
    assert "UnsupportedLanguageError 1" in capsys.readouterr().err
    refused = read_corpus(tmp_path / "o1")
    assert list(refused.articles["input_id"]) == ["en1"]
    failure = refused.failures.iloc[0]
    assert (failure["input_id"], failure["stage"], failure["error_type"]) == (
        "de1",
        "analyse",
        "UnsupportedLanguageError",
    )
    assert "German (de)" in failure["message"]
    assert refused.manifest["options"]["allow_language"] is False

    assert (
        _cli(
            [
                str(path),
                "--out",
                str(tmp_path / "o2"),
                "--workers",
                "0",
                "--no-progress",
                "--allow-language",
            ]
        )
        == 0
    )
    allowed = read_corpus(tmp_path / "o2")
    assert allowed.failures.empty
    articles = allowed.articles.set_index("input_id")
    assert sorted(articles.index) == ["de1", "en1"]
    assert articles.loc["de1", "language"] == "de"
    assert articles.loc["de1", "warnings"] == "non-english"
    assert articles.loc["en1", "warnings"] == ""
    assert allowed.manifest["options"]["allow_language"] is True
