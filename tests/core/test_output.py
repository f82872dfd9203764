"""Outputs are written whole or not at all, and the old file survives every failure."""
import errno
import fcntl
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.output import OutputError, locked_by, write_atomic, write_text_atomic

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_and_replaces_leaving_no_temporary_file(tmp_path):
    target = tmp_path / "brief.json"
    write_text_atomic(target, "first")
    write_text_atomic(target, "second ✓")
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert names(tmp_path) == ["brief.json"]


def test_failure_while_writing_keeps_the_old_file_and_cleans_up(tmp_path):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"previous briefing")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_bytes(b"half a docu")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="the disk is full") as info:
        write_atomic(target, half_then_fail)
    assert info.value.path == target and info.value.reason == "the disk is full"
    assert target.read_bytes() == b"previous briefing"
    assert names(tmp_path) == ["brief.docx"]


def test_a_bug_in_the_writer_is_an_output_error_not_a_crash(tmp_path):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"old")

    def broken(tmp: Path) -> None:
        raise ValueError("All strings must be XML compatible")

    with pytest.raises(OutputError, match="XML compatible"):
        write_atomic(target, broken)
    assert target.read_bytes() == b"old" and names(tmp_path) == ["brief.docx"]


def test_text_that_cannot_be_encoded_leaves_nothing_behind(tmp_path):
    with pytest.raises(OutputError, match="UnicodeEncodeError"):
        write_text_atomic(tmp_path / "b.json", "lone surrogate \udc80")
    assert names(tmp_path) == []


def test_missing_folder(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_text_atomic(tmp_path / "nowhere" / "b.json", "x")


def test_parent_is_a_file(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(OutputError, match="is not a folder"):
        write_text_atomic(tmp_path / "notes.txt" / "b.json", "x")


def test_target_is_a_folder(tmp_path):
    (tmp_path / "brief.docx").mkdir()
    with pytest.raises(OutputError, match="it is a folder"):
        write_text_atomic(tmp_path / "brief.docx", "x")
    assert (tmp_path / "brief.docx").is_dir()


@pytest.mark.skipif(AS_ROOT or os.name == "nt", reason="root may write anywhere")
def test_unwritable_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="no permission"):
            write_text_atomic(folder / "b.json", "x")
    finally:
        folder.chmod(0o700)
    assert names(folder) == []


@pytest.mark.skipif(AS_ROOT or os.name == "nt", reason="root may write anywhere")
def test_read_only_file_is_respected(tmp_path):
    target = tmp_path / "b.json"
    target.write_text("old")
    target.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        write_text_atomic(target, "new")
    assert target.read_text() == "old"


def test_permission_refused_by_the_system_is_explained(tmp_path, monkeypatch):
    real_open = os.open

    def refuse(path, flags, mode=0o777, **kw):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(OutputError, match=f"no permission to write in the folder {tmp_path}"):
        write_text_atomic(tmp_path / "b.json", "x")


def test_replace_refused_means_the_file_is_open_elsewhere(tmp_path, monkeypatch):
    target = tmp_path / "b.docx"
    target.write_bytes(b"old")

    def sharing_violation(src, dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", sharing_violation)
    with pytest.raises(OutputError, match="open in another program"):
        write_text_atomic(target, "new")
    assert target.read_bytes() == b"old" and names(tmp_path) == ["b.docx"]


@pytest.mark.parametrize("lock_name, holder", [(".~lock.brief.docx#", "LibreOffice"), ("~$brief.docx", "Word"),
                                               ("~$ief.docx", "Word")])
def test_office_lock_file_means_open_in_that_program(tmp_path, lock_name, holder):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"old")
    (tmp_path / lock_name).write_text("user,host")
    with pytest.raises(OutputError, match=f"open in {holder}"):
        write_text_atomic(target, "new")
    assert target.read_bytes() == b"old"


def test_file_locked_with_flock_is_not_overwritten(tmp_path):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"old")
    with open(target, "rb") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)
        with pytest.raises(OutputError, match="open in another program"):
            write_text_atomic(target, "new")
    assert target.read_bytes() == b"old"
    write_text_atomic(target, "new")  # once released, writing works
    assert target.read_text() == "new"


def test_file_locked_by_another_process_with_lockf(tmp_path):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"old")
    code = ("import fcntl, sys\n"
            f"f = open({str(target)!r}, 'r+b')\n"
            "fcntl.lockf(f, fcntl.LOCK_EX)\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        assert locked_by(target) == "another program"
        with pytest.raises(OutputError, match="open in another program"):
            write_text_atomic(target, "new")
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)
    assert target.read_bytes() == b"old"


def test_link_target_is_written_through(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_permissions_of_the_old_file_are_kept(tmp_path):
    target = tmp_path / "b.json"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_new_file_gets_ordinary_permissions_not_private_temp_ones(tmp_path):
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "b.json", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "b.json").stat().st_mode & 0o777 == 0o644


def test_output_error_survives_pickling():
    err = pickle.loads(pickle.dumps(OutputError("/x/b.docx", "the disk is full")))
    assert str(err) == "cannot write /x/b.docx: the disk is full" and err.reason == "the disk is full"


def test_a_folder_that_takes_no_new_files_is_not_called_missing(tmp_path):
    import errno

    from briefing.output import _reason
    lost = OSError(errno.ENOENT, "No such file or directory")
    assert _reason(lost, tmp_path / "b.docx") == f"the folder {tmp_path} does not accept new files"
    assert _reason(lost, tmp_path / "gone" / "b.docx") == f"the folder {tmp_path / 'gone'} does not exist"
