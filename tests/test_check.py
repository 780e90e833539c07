"""`kaltura-codegen check` and the CLI side of `generate` (fixture target, in-process)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator import targets
from generator.check import unified_diff
from generator.cli import main
from generator.manifest import MANIFEST_NAME
from generator.model import Schema
from generator.targets import GenerateOptions, Progress, RenderedFiles, no_progress
from tests import fixture_target
from tests.ci_helpers import MINI_SCHEMA, snapshot, use_fixture_target, variant_schema


@pytest.fixture(autouse=True)
def _fixture_target(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fixture_target(monkeypatch)


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def generate(out: Path, schema: Path = MINI_SCHEMA, *extra: str) -> Result:
    result = cli(
        "generate", "--schema", str(schema), "--target", "fixture", "--out", str(out), *extra
    )
    return result


def check(out: Path, schema: Path = MINI_SCHEMA, *extra: str) -> Result:
    return cli("check", "--schema", str(schema), "--target", "fixture", "--out", str(out), *extra)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    path = tmp_path / "out"
    result = generate(path)
    assert result.exit_code == 0, result.output
    return path


def test_check_passes_on_a_fresh_tree(out: Path) -> None:
    result = check(out)
    assert result.exit_code == 0, result.output
    assert f"{out}: up to date (" in result.stdout


def test_check_detects_a_one_line_hand_edit(out: Path) -> None:
    path = out / "classes" / "KalturaThing.txt"
    path.write_text(path.read_text().replace("name: string", "name: str"))
    result = check(out)
    assert result.exit_code == 1
    assert "out of date (1 changed)" in result.stdout
    assert "M classes/KalturaThing.txt  (+1 -1; edited by hand)" in result.stdout
    assert (
        "cause: 1 file(s) edited by hand since generation: classes/KalturaThing.txt"
        in result.stdout
    )
    assert "schema changed" not in result.stdout
    assert "--- a/classes/KalturaThing.txt" in result.stdout
    assert "-  name: str\n+  name: string\n" in result.stdout


def test_check_detects_a_schema_change_and_names_it(out: Path, tmp_path: Path) -> None:
    newer = variant_schema(tmp_path, "v2.xml", 'apiVersion="1.0.0"', 'apiVersion="1.1.0"')
    result = check(out, newer)
    assert result.exit_code == 1
    assert (
        "cause: schema changed since generation (apiVersion 1.0.0 -> 1.1.0, sha256" in result.stdout
    )
    assert "M README.txt  (+1 -1; out of date)" in result.stdout
    assert "edited by hand" not in result.stdout


def test_check_detects_stale_and_missing_files(out: Path, tmp_path: Path) -> None:
    renamed = variant_schema(
        tmp_path, "v2.xml", 'id="widget" name="widget"', 'id="gadget" name="gadget"'
    )
    result = check(out, renamed)
    assert result.exit_code == 1
    assert "out of date (1 missing, 1 extra)" in result.stdout
    assert "A services/gadget.txt  (+2 -0; missing: new in this rendering)" in result.stdout
    assert (
        "D services/widget.txt  (+0 -2; stale: generated before, no longer generated)"
        in result.stdout
    )


def test_check_detects_a_deleted_generated_file(out: Path) -> None:
    (out / "services" / "thing.txt").unlink()
    result = check(out)
    assert result.exit_code == 1
    assert "A services/thing.txt  (+3 -0; deleted by hand)" in result.stdout
    assert "cause: 1 generated file(s) deleted since generation" in result.stdout
    assert "templates or generator code changed" not in result.stdout


def test_check_tells_generator_changes_apart(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = fixture_target.FixtureTarget.render

    def render(
        self: fixture_target.FixtureTarget,
        schema: Schema,
        options: GenerateOptions,
        progress: Progress = no_progress,
    ) -> RenderedFiles:
        files = original(self, schema, options, progress)
        files["README.txt"] += b"new template line\n"
        return files

    monkeypatch.setattr(fixture_target.FixtureTarget, "render", render)
    result = check(out)
    assert result.exit_code == 1
    assert "templates or generator code changed since generation" in result.stdout
    assert "schema changed" not in result.stdout and "edited by hand" not in result.stdout


def test_check_reports_changed_options(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert generate(out, MINI_SCHEMA, "--exclude", "widget.*").exit_code == 0
    assert check(out, MINI_SCHEMA, "--exclude", "widget.*").exit_code == 0
    result = check(out)
    assert result.exit_code == 1
    assert (
        "cause: options changed: include=[] exclude=['widget.*'] -> include=[] exclude=[]"
        in result.stdout
    )


def test_foreign_files_are_listed_but_are_not_drift(out: Path) -> None:
    (out / "NOTES.md").write_text("mine\n")
    result = check(out)
    assert result.exit_code == 0
    assert "? NOTES.md  (not generated; generate keeps it)" in result.stdout


def test_a_missing_manifest_is_drift(out: Path) -> None:
    (out / MANIFEST_NAME).unlink()
    result = check(out)
    assert result.exit_code == 1
    assert "no manifest: this tree was not written by kaltura-codegen" in result.stdout


def test_missing_output_directory_is_drift(tmp_path: Path) -> None:
    result = check(tmp_path / "nothing-here")
    assert result.exit_code == 1
    assert "does not exist: run generate" in result.stdout


def test_stat_lists_files_without_diff_bodies(out: Path) -> None:
    for name in ("KalturaThing", "KalturaOtherThing"):
        path = out / "classes" / f"{name}.txt"
        path.write_text(path.read_text() + "x\n")
    result = check(out, MINI_SCHEMA, "--stat")
    assert result.exit_code == 1
    assert "M classes/KalturaOtherThing.txt  (+0 -1; edited by hand)" in result.stdout
    assert "M classes/KalturaThing.txt  (+0 -1; edited by hand)" in result.stdout
    assert "@@" not in result.stdout and "---" not in result.stdout


def test_diff_is_trimmed(out: Path) -> None:
    path = out / "services" / "thing.txt"
    path.write_text("".join(f"junk {i}\n" for i in range(100)))
    result = check(out, MINI_SCHEMA, "--diff-lines", "5")
    assert result.exit_code == 1
    body = result.stdout.split("--- a/services/thing.txt", 1)[1]
    assert "more diff line(s) in services/thing.txt" in body
    assert len([line for line in body.splitlines() if line.startswith("-junk")]) <= 3


def test_check_writes_nothing(out: Path, tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    newer = variant_schema(tmp_path, "v2.xml", 'apiVersion="1.0.0"', 'apiVersion="1.1.0"')
    assert check(out, newer).exit_code == 1
    assert snapshot(tmp_path) == {**before, "v2.xml": newer.read_bytes()}


@pytest.mark.parametrize("command", ["check", "generate"])
def test_bad_input_exits_2_without_traceback(command: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing = cli(
        command, "--schema", str(tmp_path / "nope.xml"), "--target", "fixture", "--out", str(out)
    )
    assert missing.exit_code == 2 and "cannot read schema" in missing.stderr
    bad = tmp_path / "bad.xml"
    bad.write_text("<xml apiVersion='1'><enums>")
    malformed = cli(command, "--schema", str(bad), "--target", "fixture", "--out", str(out))
    assert malformed.exit_code == 2 and "malformed XML" in malformed.stderr
    broken = variant_schema(
        tmp_path, "broken.xml", 'type="KalturaThing"', 'type="KalturaNoSuchThing"'
    )
    errors = cli(command, "--schema", str(broken), "--target", "fixture", "--out", str(out))
    assert errors.exit_code == 2 and "KalturaNoSuchThing" in errors.stderr
    target = cli(command, "--schema", str(MINI_SCHEMA), "--target", "cobol", "--out", str(out))
    assert target.exit_code == 2 and "'cobol' is not one of" in target.stderr
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    file_out = cli(
        command, "--schema", str(MINI_SCHEMA), "--target", "fixture", "--out", str(a_file)
    )
    assert file_out.exit_code == 2
    for result in (missing, malformed, errors, target, file_out):
        assert "Traceback" not in result.output
    assert not out.exists()


def test_unavailable_target_is_a_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(targets.TARGETS, "ghost", "generator.targets.ghost:TARGET")
    result = cli("check", "--schema", str(MINI_SCHEMA), "--target", "ghost", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "target 'ghost' is not available in this installation" in result.stderr


def test_generate_reports_progress_and_what_it_did(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = generate(out)
    assert first.exit_code == 0
    assert "apiVersion 1.0.0, 2 classes, 2 services" in first.stderr
    assert "rendering fixture 4/4" in first.stderr  # non-tty progress: quarter steps
    assert f"wrote {out}: 5 added, 0 changed, 0 deleted, 0 unchanged" in first.stderr
    (out / "NOTES.md").write_text("mine\n")
    again = generate(out)
    assert f"{out}: up to date, nothing written (5 files)" in again.stderr
    quiet = generate(tmp_path / "quiet", MINI_SCHEMA, "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_generate_refuses_to_overwrite_a_hand_edit_then_forces(out: Path, tmp_path: Path) -> None:
    path = out / "README.txt"
    path.write_text("hand edit\n")
    newer = variant_schema(tmp_path, "v2.xml", 'apiVersion="1.0.0"', 'apiVersion="1.1.0"')
    refused = generate(out, newer)
    assert refused.exit_code == 2
    assert "README.txt: edited by hand, would be overwritten" in refused.stderr
    assert "--force" in refused.stderr
    assert path.read_text() == "hand edit\n"
    forced = generate(out, newer, "--force")
    assert forced.exit_code == 0
    assert "--force: replaced or removed README.txt" in forced.stderr
    assert path.read_text() == "API 1.1.0\n"
    assert check(out, newer).exit_code == 0


def test_help_teaches() -> None:
    top = cli("--help").stdout
    assert "kaltura-codegen check" in top and "Exit codes" in top
    gen = cli("generate", "--help").stdout
    # The target list is sorted: [docs|fixture|python|typescript].
    assert ".kaltura-codegen.json" in gen and "--force" in gen and "|fixture|" in gen
    chk = cli("check", "--help").stdout
    assert "Exit 0 when up to date, 1 on drift, 2 on bad input." in chk and "--stat" in chk


def test_unified_diff_of_a_trimmed_middle_matches_difflib() -> None:
    old = [f"line {i}\n" for i in range(5000)]
    new = list(old)
    new[2500] = "changed\n"
    new.insert(4000, "inserted\n")
    ours = unified_diff("f", "".join(old).encode(), "".join(new).encode())
    reference = list(difflib.unified_diff(old, new, "a/f", "b/f", n=3))
    assert ours == reference
    assert unified_diff("f", b"\xff\xfe", b"x") is None


def test_foreign_file_in_the_way_is_drift_and_flagged(out: Path) -> None:
    (out / "services" / "thing.txt").unlink()
    (out / "services" / "thing.txt").mkdir()
    (out / "services" / "thing.txt" / "mine.txt").write_text("mine\n")
    result = check(out)
    assert result.exit_code == 1
    assert "! services/thing.txt/mine.txt  (+0 -1; not generated; in the way" in result.stdout
    assert "cause: 1 file(s) not written by kaltura-codegen stand in the way" in result.stdout
    assert "cause: 1 generated file(s) deleted since generation" in result.stdout
    assert "templates or generator code changed" not in result.stdout


def test_progress_on_a_terminal_rewrites_one_line() -> None:
    import io

    from generator.cli import ProgressLine

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    progress = ProgressLine(stream, enabled=True)
    progress.start("rendering python")
    for i in range(1, 1001):
        progress(i, 1000, f"item{i}")
    text = stream.getvalue()
    assert text.startswith("\rrendering python 1/1000 item1")
    assert text.endswith(("\rrendering python 1000/1000 item1000").ljust(100) + "\n")
    assert text.count("\r") < 50  # throttled, not one write per item
    silent = Tty()
    ProgressLine(silent, enabled=False)(1, 1, "x")
    assert silent.getvalue() == ""


def test_many_foreign_files_are_summarized_and_never_read(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = out / "node_modules"
    junk.mkdir()
    for i in range(25):
        (junk / f"m{i:02}.js").write_text("x\n")
    read: list[str] = []
    original = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self.as_posix())
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    result = check(out)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("? node_modules/") == 10
    assert "? ... and 15 more files not generated (kept)" in result.stdout
    assert read and not [p for p in read if "node_modules" in p]


def test_a_crashing_target_is_one_line_exit_2(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def render(
        self: fixture_target.FixtureTarget,
        schema: Schema,
        options: GenerateOptions,
        progress: Progress = no_progress,
    ) -> RenderedFiles:
        raise KeyError("boom")

    monkeypatch.setattr(fixture_target.FixtureTarget, "render", render)
    for command in (generate, check):
        result = command(out)
        assert result.exit_code == 2
        assert "internal error in the fixture target: KeyError: 'boom'" in result.stderr
        assert "Traceback" not in result.output
    monkeypatch.setenv("KALTURA_CODEGEN_DEBUG", "1")
    with pytest.raises(KeyError):
        generate(out)


def test_corrupt_manifest_is_reported_and_repaired_when_the_files_are_ours(out: Path) -> None:
    (out / MANIFEST_NAME).write_text("{ truncated")
    result = check(out)
    assert result.exit_code == 1
    assert "cause: " in result.stdout and "not valid JSON" in result.stdout
    assert "M .kaltura-codegen.json  (manifest out of date)" in result.stdout
    # Every file is exactly what would be generated, so generate adopts it again.
    assert generate(out).exit_code == 0
    assert check(out).exit_code == 0
