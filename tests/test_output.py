"""The manifest-aware atomic writer: ownership rules, manifest contents, no-op runs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator import __version__
from generator.manifest import (
    MANIFEST_NAME,
    Manifest,
    ManifestError,
    build_manifest,
    read_manifest,
    sha256_hex,
)
from generator.output import (
    NO_EXCHANGE_ENV,
    Origin,
    OutputError,
    Status,
    inspect_tree,
    validate_paths,
    write_tree,
)
from generator.targets import GenerateOptions
from tests.ci_helpers import MINI_SCHEMA, render_fixture, snapshot, variant_schema


def test_manifest_records_provenance_and_every_file_hash(tmp_path: Path) -> None:
    options = GenerateOptions(include=("thing.*",), exclude=("widget.list",), settings={"x": "1"})
    files, manifest = render_fixture(options=options)
    out = tmp_path / "out"
    write_tree(out, files, manifest)
    raw = json.loads((out / MANIFEST_NAME).read_text())
    assert raw["generator"] == {"name": "kaltura-codegen", "version": __version__}
    assert raw["target"] == "fixture"
    assert raw["options"] == {
        "include": ["thing.*"],
        "exclude": ["widget.list"],
        "settings": {"x": "1"},
    }
    assert raw["schema"] == {
        "apiVersion": "1.0.0",
        "sha256": sha256_hex(MINI_SCHEMA.read_bytes()),
        "generatedDate": 1700000000,
    }
    on_disk = snapshot(out)
    del on_disk[MANIFEST_NAME]
    assert on_disk == files
    assert raw["files"] == {path: sha256_hex(data) for path, data in files.items()}
    # Round trip, and nothing in it but what is listed above (no timestamps of its own).
    assert set(raw) == {"format", "generator", "target", "options", "schema", "files"}
    assert Manifest.from_bytes((out / MANIFEST_NAME).read_bytes()) == manifest


def test_corrupt_manifest_is_reported(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text("{not json")
    with pytest.raises(ManifestError, match="not valid JSON"):
        read_manifest(tmp_path)
    (tmp_path / MANIFEST_NAME).write_text('{"format": 99}')
    with pytest.raises(ManifestError, match="format"):
        read_manifest(tmp_path)
    assert read_manifest(tmp_path / "nowhere") is None


def test_regeneration_deletes_own_stale_files_and_adds_new_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, *render_fixture())
    assert (out / "services" / "widget.txt").is_file()
    renamed = variant_schema(
        tmp_path, "renamed.xml", 'id="widget" name="widget"', 'id="gadget" name="gadget"'
    )
    files, manifest = render_fixture(renamed)
    result = write_tree(out, files, manifest)
    assert result.written
    assert [e.path for e in result.state.with_status(Status.STALE)] == ["services/widget.txt"]
    assert [e.path for e in result.state.with_status(Status.ADDED)] == ["services/gadget.txt"]
    assert not (out / "services" / "widget.txt").exists()
    assert (out / "services" / "gadget.txt").is_file()
    assert read_manifest(out) == manifest


def test_regeneration_links_unchanged_files_and_writes_changed_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, *render_fixture())
    before = {rel: (out / rel).stat() for rel in snapshot(out)}
    changed = variant_schema(
        tmp_path, "v2.xml", 'name="name" type="string"', 'name="title" type="string"'
    )
    files, manifest = render_fixture(changed)
    result = write_tree(out, files, manifest)
    assert result.written and snapshot(out) == {**files, MANIFEST_NAME: manifest.to_bytes()}
    unchanged = {e.path for e in result.state.with_status(Status.UNCHANGED)}
    rewritten = {e.path for e in result.state.with_status(Status.CHANGED)}
    assert unchanged and rewritten == {"classes/KalturaThing.txt"}
    for rel in unchanged:  # the same file under a new name: inode and mtime kept
        now = (out / rel).stat()
        assert (now.st_ino, now.st_mtime_ns) == (before[rel].st_ino, before[rel].st_mtime_ns)
        assert now.st_nlink == 1  # the previous tree's name is gone
    assert (out / "classes/KalturaThing.txt").stat().st_ino != before[
        "classes/KalturaThing.txt"
    ].st_ino


def test_foreign_files_are_kept_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, *render_fixture())
    (out / "NOTES.md").write_text("mine\n")
    (out / "services" / "local.cfg").write_text("also mine\n")
    (out / "empty-dir").mkdir()
    renamed = variant_schema(tmp_path, "v2.xml", 'apiVersion="1.0.0"', 'apiVersion="1.0.1"')
    result = write_tree(out, *render_fixture(renamed))
    assert result.written
    assert sorted(e.path for e in result.state.with_status(Status.KEPT)) == [
        "NOTES.md",
        "services/local.cfg",
    ]
    assert (out / "NOTES.md").read_text() == "mine\n"
    assert (out / "services" / "local.cfg").read_text() == "also mine\n"
    assert (out / "empty-dir").is_dir()
    assert (out / "README.txt").read_text() == "API 1.0.1\n"
    # Foreign files never enter the manifest.
    manifest = read_manifest(out)
    assert manifest is not None and "NOTES.md" not in manifest.files


def test_foreign_file_in_the_way_is_refused_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files, manifest = render_fixture()
    without = {k: v for k, v in files.items() if k != "README.txt"}
    write_tree(out, without, build_manifest("fixture", GenerateOptions(), manifest.schema, without))
    (out / "README.txt").write_text("my own readme\n")
    before = snapshot(out)
    with pytest.raises(OutputError, match=r"README.txt: not generated, would be overwritten"):
        write_tree(out, files, manifest)
    assert snapshot(out) == before
    result = write_tree(out, files, manifest, force=True)
    assert [e.path for e in result.state.conflicts] == ["README.txt"]
    assert (out / "README.txt").read_bytes() == files["README.txt"]


def test_foreign_file_where_a_directory_must_go_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    files, manifest = render_fixture()
    only = {"README.txt": files["README.txt"]}
    write_tree(out, only, build_manifest("fixture", GenerateOptions(), manifest.schema, only))
    (out / "services").write_text("a file where generate needs a directory\n")
    state = inspect_tree(out, files, manifest)
    assert [(e.path, e.status) for e in state.conflicts] == [("services", Status.BLOCKING)]
    with pytest.raises(OutputError, match="in the way"):
        write_tree(out, files, manifest)


def test_hand_edited_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, *render_fixture())
    edited = out / "classes" / "KalturaThing.txt"
    edited.write_text(edited.read_text() + "  my_extra: int\n")
    changed = variant_schema(
        tmp_path, "v2.xml", 'name="name" type="string"', 'name="title" type="string"'
    )
    files, manifest = render_fixture(changed)
    state = inspect_tree(out, files, manifest)
    entry = next(e for e in state.entries if e.path == "classes/KalturaThing.txt")
    assert (entry.status, entry.origin) == (Status.CHANGED, Origin.EDITED)
    before = snapshot(out)
    with pytest.raises(
        OutputError, match=r"KalturaThing\.txt: edited by hand, would be overwritten"
    ):
        write_tree(out, files, manifest)
    assert snapshot(out) == before
    write_tree(out, files, manifest, force=True)
    assert edited.read_bytes() == files["classes/KalturaThing.txt"]


def test_hand_edited_stale_file_is_not_deleted_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, *render_fixture())
    stale = out / "services" / "widget.txt"
    stale.write_text("edited\n")
    renamed = variant_schema(
        tmp_path, "v2.xml", 'id="widget" name="widget"', 'id="gadget" name="gadget"'
    )
    files, manifest = render_fixture(renamed)
    with pytest.raises(OutputError, match=r"widget\.txt: edited by hand, would be deleted"):
        write_tree(out, files, manifest)
    assert stale.read_text() == "edited\n"
    write_tree(out, files, manifest, force=True)
    assert not stale.exists()


def test_non_empty_directory_without_manifest_is_not_adopted_without_force(tmp_path: Path) -> None:
    out = tmp_path / "src"
    out.mkdir()
    (out / "main.py").write_text("print('hello')\n")
    files, manifest = render_fixture()
    with pytest.raises(OutputError, match="not written by kaltura-codegen"):
        write_tree(out, files, manifest)
    assert snapshot(out) == {"main.py": b"print('hello')\n"}
    write_tree(out, files, manifest, force=True)
    assert (out / "main.py").read_text() == "print('hello')\n"
    assert (out / "README.txt").is_file() and (out / MANIFEST_NAME).is_file()


def test_empty_existing_directory_is_fine(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    files, manifest = render_fixture()
    assert write_tree(out, files, manifest).written
    assert set(snapshot(out)) == {*files, MANIFEST_NAME}


def test_up_to_date_tree_is_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files, manifest = render_fixture()
    write_tree(out, files, manifest)
    inode = out.stat().st_ino
    readme_inode = (out / "README.txt").stat().st_ino
    result = write_tree(out, files, manifest)
    assert not result.written and result.state.up_to_date
    assert out.stat().st_ino == inode
    assert (out / "README.txt").stat().st_ino == readme_inode
    # A missing manifest alone makes it out of date (and it is then rewritten).
    (out / MANIFEST_NAME).unlink()
    assert write_tree(out, files, manifest).written
    assert read_manifest(out) == manifest


def test_swap_replaces_the_directory_and_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files, manifest = render_fixture()
    write_tree(out, files, manifest)
    mode = stat.S_IMODE(out.stat().st_mode)
    assert mode != 0o700 or os.umask(0o022) == 0o077  # not mkdtemp's private mode
    os.chmod(out, 0o750)
    changed = variant_schema(tmp_path, "v2.xml", 'apiVersion="1.0.0"', 'apiVersion="2.0.0"')
    write_tree(out, *render_fixture(changed))
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert (out / "README.txt").read_text() == "API 2.0.0\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_two_rename_fallback_gives_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NO_EXCHANGE_ENV, "1")
    out = tmp_path / "out"
    write_tree(out, *render_fixture())
    changed = variant_schema(tmp_path, "v2.xml", 'apiVersion="1.0.0"', 'apiVersion="2.0.0"')
    files, manifest = render_fixture(changed)
    write_tree(out, files, manifest)
    assert snapshot(out) == {**files, MANIFEST_NAME: manifest.to_bytes()}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(proc.stdout)


def test_leftovers_of_dead_runs_are_removed_and_a_half_swapped_tree_restored(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    files, manifest = render_fixture()
    write_tree(out, files, manifest)
    previous = snapshot(out)
    pid = _dead_pid()
    # A run killed between the two renames of the fallback: the old tree sits aside.
    os.rename(out, tmp_path / f".out.kcg-old-{pid}-abc")
    half = tmp_path / f".out.kcg-new-{pid}-def"
    half.mkdir()
    (half / "partial.txt").write_text("half written")
    # A live process's staging directory must be left alone.
    live = tmp_path / f".out.kcg-new-{os.getppid()}-xyz"
    live.mkdir()
    result = write_tree(out, files, manifest)
    assert result.recovered
    assert not result.written  # the restored tree was already up to date
    assert snapshot(out) == previous
    assert sorted(result.removed_leftovers) == [f".out.kcg-new-{pid}-def"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "out"]


@pytest.mark.parametrize(
    "bad",
    ["/etc/passwd", "../escape.txt", "a/../../b", "a//b", "./a", "a\\b", MANIFEST_NAME, ""],
)
def test_unsafe_rendered_paths_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        validate_paths([bad])


def test_file_and_directory_at_the_same_path_are_rejected() -> None:
    with pytest.raises(ValueError, match="both a file and a directory"):
        validate_paths(["a", "a/b.txt"])


def test_output_path_that_is_a_file_is_an_output_error(tmp_path: Path) -> None:
    out = tmp_path / "file"
    out.write_text("x")
    with pytest.raises(OutputError, match="not a directory"):
        write_tree(out, *render_fixture())


def test_write_without_a_manifest_still_records_ownership(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"a.txt": b"a\n", "sub/b.txt": b"b\n"})
    manifest = read_manifest(out)
    assert manifest is not None
    assert manifest.files == {"a.txt": sha256_hex(b"a\n"), "sub/b.txt": sha256_hex(b"b\n")}
    write_tree(out, {"a.txt": b"a2\n"})  # our own file b.txt is stale and goes
    assert snapshot(out) == {"a.txt": b"a2\n", MANIFEST_NAME: (out / MANIFEST_NAME).read_bytes()}


def test_symlinked_output_directory_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real"
    link = tmp_path / "link"
    files, manifest = render_fixture()
    write_tree(real, files, manifest)
    link.symlink_to(real, target_is_directory=True)
    changed = variant_schema(tmp_path, "v2.xml", 'apiVersion="1.0.0"', 'apiVersion="2.0.0"')
    write_tree(link, *render_fixture(changed))
    assert link.is_symlink()
    assert (real / "README.txt").read_text() == "API 2.0.0\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_directory_containing_the_working_directory_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    files, manifest = render_fixture()
    write_tree(out, files, manifest)
    (out / "work").mkdir()
    monkeypatch.chdir(out / "work")
    with pytest.raises(OutputError, match="contains the current directory"):
        write_tree(Path(".."), files, manifest, force=True)
    with pytest.raises(OutputError, match="contains the current directory"):
        write_tree(Path("."), files, manifest, force=True)
    assert (out / "work").is_dir()


def test_unwritable_parent_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory\n")
    with pytest.raises(OutputError, match=r"cannot prepare .*: Not a directory"):
        write_tree(blocker / "sub" / "out", *render_fixture())


def test_tree_without_manifest_but_identical_content_is_adopted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files, manifest = render_fixture()
    for rel, data in files.items():  # what a generator without manifests left behind
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    result = write_tree(out, files, manifest)
    assert result.written
    assert read_manifest(out) == manifest
    # One extra file, and it is no longer obviously ours: refused again.
    (out / MANIFEST_NAME).unlink()
    (out / "extra.txt").write_text("?\n")
    with pytest.raises(OutputError, match="not written by kaltura-codegen"):
        write_tree(out, files, manifest)
