"""Writing output files so that a failure never leaves half a file or loses the old one.

Every output goes to a hidden temporary file beside the target, is flushed to disk and
only then moved over the target in one step (``os.replace``). Whatever fails on the
way, the temporary file is removed and the previous file is left as it was.
"""
from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path
from typing import Callable

try:
    import fcntl
except ImportError:  # Windows: a file open in Word makes os.replace fail, which says the same
    fcntl = None  # type: ignore[assignment]


class OutputError(Exception):
    """An output file could not be written; the message says which and why.

    ``path`` and ``reason`` are kept apart so the window can say why and offer another path.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"cannot write {path}: {reason}")

    def __reduce__(self):
        return (type(self), (self.path, self.reason))


def _reason(exc: BaseException, target: Path, replacing: bool = False) -> str:
    if not isinstance(exc, OSError):
        detail = str(exc).splitlines()[0][:200] if str(exc).strip() else ""
        return f"writing failed ({exc.__class__.__name__}{': ' + detail if detail else ''})"
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        if replacing:
            return "the file is open in another program or read-only (close it, or choose another name)"
        return f"no permission to write in the folder {target.parent}"
    if code == errno.ENOSPC:
        return "the disk is full"
    if code == getattr(errno, "EDQUOT", -1):
        return "the disk quota is used up"
    if code == errno.EROFS:
        return "the disk is read-only"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long"
    if code == errno.EISDIR:
        return "it is a folder; choose a file name"
    if code == errno.ENOENT:
        if target.parent.is_dir():  # /proc, some network shares: the folder takes no new files
            return f"the folder {target.parent} does not accept new files"
        return f"the folder {target.parent} does not exist"
    if code == errno.ENOTDIR:
        return f"{target.parent} is not a folder"
    return exc.strerror or exc.__class__.__name__


def locked_by(target: Path) -> str | None:
    """Who holds ``target`` open for editing, if anyone: an office lock file or a file lock."""
    folder, name = target.parent, target.name
    if (folder / f".~lock.{name}#").exists():
        return "LibreOffice"
    if (folder / f"~${name}").exists() or (len(name) > 2 and (folder / f"~${name[2:]}").exists()):
        return "Word"
    if fcntl is None or not target.is_file():
        return None
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))  # no O_TRUNC: the file is not touched
    except OSError:
        return None
    try:
        for lock, unlock in ((fcntl.flock, fcntl.LOCK_UN), (fcntl.lockf, fcntl.LOCK_UN)):
            try:
                lock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    return "another program"
                continue
            lock(fd, unlock)
    finally:
        os.close(fd)
    return None


def check_target(target: Path) -> None:
    """Raise :class:`OutputError` if ``target`` cannot be written (checked before any work)."""
    folder = target.parent
    if target.name in ("", ".", ".."):
        raise OutputError(target, "that is not a file name")
    if not folder.exists():
        raise OutputError(target, f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise OutputError(target, f"{folder} is not a folder")
    if target.is_dir():
        raise OutputError(target, "it is a folder; choose a file name")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(target, "the file is read-only")
    holder = locked_by(target)
    if holder:
        raise OutputError(target, f"the file is open in {holder} (close it there, or choose another name)")


def _create_temporary(target: Path) -> Path:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(20):
        tmp = target.parent / f".{target.name[:40]}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, flags, 0o666)  # the umask applies, as for any new file
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(target, _reason(exc, target)) from exc
        os.close(fd)
        return tmp
    raise OutputError(target, "no temporary file could be created beside it")


def _sync(path: Path) -> None:
    """Flush to disk, where the system allows it (not on Windows, not for every folder)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)`` on a temporary file beside ``path``, then move it into place.

    Raises :class:`OutputError` with a clear reason; the old file, if any, is then untouched
    and no temporary file is left behind. A target that is a link is written through.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    check_target(target)
    tmp = _create_temporary(target)
    replacing = False
    try:
        write(tmp)
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        _sync(tmp)
        replacing = True
        os.replace(tmp, target)
        _sync(target.parent)
    except OutputError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever broke the writing, the user gets one clear line
        raise OutputError(target, _reason(exc, target, replacing)) from exc
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # nothing more can be done; the name is hidden and says .tmp
    return target


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text atomically (JSON, Markdown, project files)."""
    return write_atomic(path, lambda tmp: tmp.write_bytes(text.encode("utf-8")))
