"""`diplo repair [FILE|-]`: reading files and stdin like `diplo run`, one-line errors, a reproducible edit log."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sys

import pytest

from pipeline.cli import main


def _seed_excerpt(seed_raw: str) -> str:
    """Lines 150-165 of the seed: look-alike letters (الإنترنط), a dropped letter and a dot confusion."""
    lines = seed_raw.splitlines(keepends=True)
    excerpt = "".join(lines[149:166])
    assert "الإنترنط" in excerpt and "الفنصلية" in excerpt
    return excerpt


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        (b"Caf\xe9 cr\xe8me br\xfbl\xe9e, not Arabic. " * 4, "undecodable bytes"),
        (b"English only, no Arabic letters in this text at all.", "no Arabic text found"),
    ],
)
def test_bad_input_file_is_one_line_and_status_2(tmp_path, capsys, content, message):
    path = tmp_path / "bad input.txt"
    path.write_bytes(content)
    assert main(["repair", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert str(path) in captured.err and message in captured.err


def test_directory_and_missing_file(tmp_path, capsys):
    assert main(["repair", str(tmp_path)]) == 2
    assert f"{tmp_path}: is a directory" in capsys.readouterr().err
    assert main(["repair", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt: no such file" in capsys.readouterr().err


def test_empty_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["repair", "-"]) == 2
    assert capsys.readouterr().err == "error: <stdin>: the file is empty\n"


def test_named_settings_file_must_exist(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("نص عربي".encode())))
    assert main(["repair", "--config", str(tmp_path / "missing.toml")]) == 2
    assert "missing.toml: repair settings file not found" in capsys.readouterr().err


def test_diff_and_json_together_is_refused(tmp_path, capsys):
    assert main(["repair", "--diff", "--json", str(tmp_path / "x.txt")]) == 2
    assert "--diff and --json" in capsys.readouterr().err


def test_cp1256_file_stdin_and_json_log(tmp_path, capsys, monkeypatch, seed_raw):
    """A Windows-1256 file repairs like its UTF-8 text; stdin gives the same; the log rebuilds the text."""
    excerpt = _seed_excerpt(seed_raw)
    path = tmp_path / "excerpt-cp1256.txt"
    path.write_bytes(excerpt.encode("cp1256", errors="ignore"))
    text = path.read_bytes().decode("cp1256")
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    assert main(["repair", "--json", str(path)]) == 0
    log = json.loads(capsys.readouterr().out)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the input is never modified
    assert "الإنترنت" in log["clean"] and "الإنترنط" not in log["clean"]
    rebuilt = text
    for e in sorted((e for e in log["edits"] if e["status"] == "applied"), key=lambda e: e["start"], reverse=True):
        assert text[e["start"] : e["end"]] == e["original"]
        rebuilt = rebuilt[: e["start"]] + e["replacement"] + rebuilt[e["end"] :]
    assert rebuilt == log["clean"]

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["repair"]) == 0
    assert capsys.readouterr().out == log["clean"]


def test_diff_has_a_header_and_names_kind_and_rule_as_json_does(tmp_path, capsys, seed_raw):
    # The diff showed the kind (foreign_script) in an unlabelled column while --json and
    # `diplo run` name the rule (foreign_letters): both are shown now, under a header.
    path = tmp_path / "excerpt.txt"
    path.write_text(_seed_excerpt(seed_raw).replace("\n", "\r"), encoding="utf-8")  # CR-only line ends
    assert main(["repair", "--diff", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("#") and lines[0].split("\t")[2:4] == ["kind", "rule"]
    assert main(["repair", "--json", str(path)]) == 0
    edits = json.loads(capsys.readouterr().out)["edits"]
    assert len(lines) == len(edits) + 1
    for line, edit in zip(lines[1:], edits, strict=True):
        place, status, kind, rule = line.split("\t")[:4]
        assert (status, kind, rule) == (edit["status"], edit["kind"], edit["rule"])
        assert place.endswith(f":{edit['start']}-{edit['end']}")
        assert "\r" not in line  # the context stops at the line end, CR included
    first = next(line for line in lines[1:] if "الإنترن[ط→ت]" in line)
    line_no = int(first.split(":")[0])
    assert _seed_excerpt(seed_raw).splitlines()[line_no - 1].count("الإنترنط") >= 1


# -- reviewing an edit log: reject applied edits, accept flagged ones, apply with --apply ----------


@pytest.fixture(scope="module")
def excerpt_log(tmp_path_factory, seed_raw):
    """The seed excerpt in a file and its `diplo repair --json` log (repaired once per module)."""
    path = tmp_path_factory.mktemp("review") / "excerpt.txt"
    path.write_text(_seed_excerpt(seed_raw), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["repair", "--json", str(path)]) == 0
    return path, out.getvalue()


def _write_log(tmp_path, capsys, excerpt_log):
    path, log_json = excerpt_log
    return path, json.loads(log_json)


def test_applying_the_unreviewed_log_gives_the_repaired_text(tmp_path, capsys, excerpt_log):
    path, log = _write_log(tmp_path, capsys, excerpt_log)
    assert log["text_sha256"] == hashlib.sha256(path.read_text(encoding="utf-8").encode()).hexdigest()
    (tmp_path / "log.json").write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")
    assert main(["repair", str(path), "--apply", str(tmp_path / "log.json")]) == 0
    assert capsys.readouterr().out == log["clean"]


def test_rejected_edit_is_undone_and_accepted_suggestion_is_made(tmp_path, capsys, excerpt_log):
    path, log = _write_log(tmp_path, capsys, excerpt_log)
    text = path.read_text(encoding="utf-8")
    edits = log["edits"]
    fixed = next(e for e in edits if e["status"] == "applied" and text[e["start"] - 7 : e["end"]] == "الإنترنط")
    flagged = [e for e in edits if e["status"] == "flagged" and e["suggestions"]]
    assert flagged, "the excerpt has flagged edits with suggestions to review"
    fixed["status"] = "rejected"
    flagged[0]["status"] = "applied"
    flagged[0]["replacement"] = flagged[0]["suggestions"][-1]
    reviewed = tmp_path / "reviewed.json"
    reviewed.write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    assert main(["repair", str(path), "--apply", str(reviewed)]) == 0
    out = capsys.readouterr().out
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the input is never modified
    # Every applied edit of the reviewed log is made, nothing else: rebuild it independently.
    rebuilt = text
    for e in sorted((e for e in edits if e["status"] == "applied"), key=lambda e: e["start"], reverse=True):
        rebuilt = rebuilt[: e["start"]] + e["replacement"] + rebuilt[e["end"] :]
    assert out == rebuilt
    assert out.count("الإنترنط") == 1 + log["clean"].count("الإنترنط")  # the rejected fix is undone
    assert out != log["clean"]

    # --json on a reviewed log keeps the reviewer's statuses and gives the reviewed text.
    assert main(["repair", str(path), "--apply", str(reviewed), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["clean"] == out
    assert [e["status"] for e in again["edits"]] == [e["status"] for e in edits]


def test_accepted_suggestion_is_recorded_as_a_reviewers_decision(tmp_path, capsys, excerpt_log):
    """A flagged suggestion a reviewer accepts reads, in --json and --diff, as a person's decision.

    It used to come back as an ordinary applied edit with the rule's low confidence (0.5), as if
    the repair rules had made it themselves.
    """
    path, log = _write_log(tmp_path, capsys, excerpt_log)
    edits = log["edits"]
    flagged = next(e for e in edits if e["status"] == "flagged" and e["suggestions"])
    rule_confidence = flagged["confidence"]
    assert rule_confidence <= 0.5
    flagged["status"] = "applied"
    flagged["replacement"] = flagged["suggestions"][0]
    undone = next(e for e in edits if e["status"] == "applied" and e is not flagged)
    undone["status"] = "rejected"
    reviewed = tmp_path / "reviewed.json"
    reviewed.write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")

    assert main(["repair", str(path), "--apply", str(reviewed), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    by_place = {(e["start"], e["end"]): e for e in out["edits"]}
    accepted = by_place[(flagged["start"], flagged["end"])]
    assert accepted["status"] == "applied" and accepted["decision"] == "accepted"
    assert accepted["confidence"] == rule_confidence  # the rule's own confidence is kept beside the decision
    assert by_place[(undone["start"], undone["end"])]["decision"] == "rejected"
    # The edits the rules made and nobody touched carry no decision.
    untouched = [e for e in out["edits"] if e["start"] not in (flagged["start"], undone["start"])]
    assert untouched and all(e["decision"] == "" for e in untouched)

    # The output log is itself a reviewed log: applied again, the decision stays.
    again = tmp_path / "again.json"
    again.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    assert main(["repair", str(path), "--apply", str(again), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["edits"] == out["edits"]

    assert main(["repair", str(path), "--apply", str(reviewed), "--diff"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    line = next(x for x in lines if x.split("\t")[0].endswith(f":{flagged['start']}-{flagged['end']}"))
    assert line.split("\t")[1] == "applied" and line.endswith("reviewer: accepted")
    assert sum(x.endswith("reviewer: accepted") for x in lines) == 1


def test_article_json_of_diplo_run_is_a_log_too(tmp_path, capsys, seed_raw):
    """`diplo run`'s JSON (raw offsets, `raw` kept) applies to its article file."""
    from pipeline.document import Article

    path = tmp_path / "article.txt"
    path.write_text(seed_raw, encoding="utf-8")
    args = ["run", str(path), "-o", str(tmp_path / "out"), "-d", "align", "-d", "ner", "-d", "classify"]
    assert main(args) == 0
    capsys.readouterr()
    result = tmp_path / "out" / "article.json"
    article = Article.from_json(result.read_text(encoding="utf-8"))
    assert main(["repair", str(path), "--apply", str(result)]) == 0
    out = capsys.readouterr().out
    applied = sorted((e for e in article.edits if e.status == "applied"), key=lambda e: e.start, reverse=True)
    assert len(applied) > 20
    rebuilt = seed_raw
    for e in applied:
        rebuilt = rebuilt[: e.start] + e.replacement + rebuilt[e.end :]
    assert out == rebuilt
    # A paragraph that lies on one line of the file reads in the output as the stage repaired it.
    one_line = [p for p in article.passages if p.clean_text and len(p.spans) == 1 and not p.citations]
    assert one_line and any(p.clean_text != p.text for p in one_line)
    for p in one_line:
        assert p.clean_text in out

    other = tmp_path / "other.txt"
    other.write_text(seed_raw.replace("الدبلوماسية", "الدبلوماسيه", 1), encoding="utf-8")
    assert main(["repair", str(other), "--apply", str(result)]) == 2
    assert "made from another text" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda log: log.update(text_sha256="0" * 64), "made from another text"),
        # Edits are counted from 1, as a reviewer counts them, with their offsets and text.
        (lambda log: log["edits"][0].update(status="maybe"), "status 'maybe', expected one of applied"),
        (lambda log: log["edits"][0].pop("original"), ": missing field(s) original"),
        (lambda log: log["edits"][0].update(start=log["edits"][0]["start"] + 1), "edit 1 of 5 (at "),
        (lambda log: log["edits"][0].update(end=10**7), "outside the text"),
        (lambda log: log["edits"][0].update(start=log["edits"][0]["end"] + 1), "the start is after the end"),
        (lambda log: log["edits"].append(next(dict(e) for e in log["edits"] if e["status"] == "applied")), "overlap"),
        (lambda log: log.pop("edits"), "expected an edit log"),
    ],
)
def test_bad_edit_log_is_one_line_naming_the_log(tmp_path, capsys, excerpt_log, change, message):
    path, log = _write_log(tmp_path, capsys, excerpt_log)
    if "text_sha256" not in message and "another text" not in message:
        log.pop("text_sha256")
    change(log)
    bad = tmp_path / "bad log.json"
    bad.write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")
    assert main(["repair", str(path), "--apply", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert str(bad) in captured.err and message in captured.err


def test_log_saved_with_a_byte_order_mark_or_as_utf16_applies(tmp_path, capsys, excerpt_log):
    """Notepad and PowerShell save JSON with a BOM; it was refused as 'not valid JSON'."""
    path, log_json = excerpt_log
    clean = json.loads(log_json)["clean"]
    for name, data in (
        ("bom.json", b"\xef\xbb\xbf" + log_json.encode("utf-8")),
        ("utf16.json", log_json.encode("utf-16")),
        ("crlf.json", log_json.replace("\n", "\r\n").encode("utf-8")),
    ):
        (tmp_path / name).write_bytes(data)
        assert main(["repair", str(path), "--apply", str(tmp_path / name)]) == 0, name
        assert capsys.readouterr().out == clean


def test_two_insertions_at_one_place_are_refused(tmp_path, capsys, excerpt_log):
    path, log_json = excerpt_log
    log = json.loads(log_json)
    at = len(path.read_text(encoding="utf-8")) // 2
    for replacement in ("X", "Y"):
        log["edits"].append(
            {"start": at, "end": at, "original": "", "replacement": replacement, "status": "applied", "rule": "review"}
        )
    (tmp_path / "two.json").write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")
    assert main(["repair", str(path), "--apply", str(tmp_path / "two.json")]) == 2
    assert "overlap; reject one of them" in capsys.readouterr().err


def test_unreadable_edit_log_files(tmp_path, capsys, seed_raw):
    path = tmp_path / "excerpt.txt"
    path.write_text(_seed_excerpt(seed_raw), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "empty.json").write_text("\n", encoding="utf-8")
    for log, message in (
        (tmp_path / "empty.json", "the file is empty"),
        (tmp_path / "missing.json", "edit log not found"),
        (tmp_path / "broken.json", "not valid JSON"),
        (tmp_path, "is a folder"),
    ):
        assert main(["repair", str(path), "--apply", str(log)]) == 2
        assert f"{log}: {message}" in capsys.readouterr().err


def test_run_with_a_reviewed_log_reads_the_reviewed_text(tmp_path, capsys, seed_raw):
    """`diplo run --edits LOG`: the repair stage makes the log's applied edits, not its own."""
    from pipeline.document import Article

    path = tmp_path / "article.txt"
    path.write_text(seed_raw, encoding="utf-8")
    assert main(["repair", "--json", str(path)]) == 0
    log = json.loads(capsys.readouterr().out)
    rejected = [e for e in log["edits"] if e["status"] == "applied" and seed_raw[e["start"] - 7 : e["end"]] == "الإنترنط"]
    assert rejected
    for e in rejected:
        e["status"] = "rejected"
    # A flagged suggestion in a paragraph, accepted.
    accepted = next(e for e in log["edits"] if e["status"] == "flagged" and e["suggestions"] and e["start"] > 5000)
    accepted.update(status="applied", replacement=accepted["suggestions"][0])
    reviewed = tmp_path / "reviewed.json"
    reviewed.write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")
    stages = ["-d", "align", "-d", "ner", "-d", "classify"]

    assert main(["run", str(path), "--edits", str(reviewed), "-o", str(tmp_path / "out"), *stages]) == 0
    article = Article.from_json((tmp_path / "out" / "article.json").read_text(encoding="utf-8"))
    assert sum(e.status == "rejected" for e in article.edits) == len(rejected)
    # The JSON says which edits a person decided, and the review page shows it.
    assert sorted((e.start, e.decision) for e in article.edits if e.decision) == sorted(
        [(e["start"], "rejected") for e in rejected] + [(accepted["start"], "accepted")]
    )
    from pipeline.review import render_html

    assert render_html(article).count("accepted by a reviewer") == 1
    repaired = " ".join(p.clean_text for p in article.passages if p.clean_text)
    assert repaired.count("الإنترنط") == len(rejected)  # the rejected fixes are undone, nothing else
    assert "الإنترنت" in repaired and "توiter" not in repaired


def test_run_with_a_reviewed_log_loads_no_lexicon(tmp_path, capsys, monkeypatch, seed_raw):
    """The log's edits are made, not found: the repair lexicons (~5 s) are not loaded for `--edits`."""
    from pipeline.document import Article
    from pipeline.repair.lexicon import Lexicon

    path = tmp_path / "article.txt"
    path.write_text(seed_raw, encoding="utf-8")
    assert main(["repair", "--json", str(path)]) == 0
    log = tmp_path / "log.json"
    log.write_text(capsys.readouterr().out, encoding="utf-8")

    def no_lexicon(*args, **kwargs):
        raise AssertionError("the repair lexicon was loaded for a run with --edits")

    monkeypatch.setattr(Lexicon, "load", no_lexicon)
    stages = ["-d", "align", "-d", "ner", "-d", "classify"]
    assert main(["run", str(path), "--edits", str(log), "-o", str(tmp_path / "out"), *stages]) == 0
    article = Article.from_json((tmp_path / "out" / "article.json").read_text(encoding="utf-8"))
    repaired = " ".join(p.clean_text for p in article.passages if p.clean_text)
    assert "الإنترنط" not in repaired and "الإنترنت" in repaired


def test_log_only_repair_stage(seed_article):
    """`log_only = true`: an article without edits keeps its text; repairing a text is refused."""
    import copy

    from pipeline.config import load_config
    from pipeline.errors import ConfigError
    from pipeline.repair.stage import RepairStage

    cfg = load_config()
    stage = RepairStage.from_settings({**cfg.stage_settings("repair"), "log_only": True}, cfg)
    assert stage.lexicon is None
    article = stage(copy.deepcopy(seed_article))
    arabic = [p for p in article.passages if p.lang == "ar" and p.kind in stage.kinds and p.text]
    assert arabic and all(p.clean_text == p.text for p in arabic)
    assert "0 applied" in article.warnings[-1]
    with pytest.raises(ConfigError, match="log_only"):
        stage.repair("الإنترنط")
    with pytest.raises(ConfigError, match="log_only: expected true or false"):
        RepairStage.from_settings({"log_only": "yes"}, cfg)


def test_run_edits_needs_one_article_and_the_repair_stage(tmp_path, capsys, seed_path):
    log = tmp_path / "log.json"
    log.write_text("[]", encoding="utf-8")
    assert main(["run", str(seed_path), str(seed_path), "--edits", str(log)]) == 2
    assert "belongs to one article, found 2" in capsys.readouterr().err
    assert main(["run", str(seed_path), "--edits", str(log), "-d", "repair"]) == 2
    assert "the repair stage that applies it is disabled" in capsys.readouterr().err
