"""The one atomic write: whole files only, with the permissions open() would give."""
import os

import pytest

from stance.io.atomic import atomic_open, write_text_atomic


def _expected_mode():
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def test_a_written_file_has_ordinary_permissions_not_a_temporary_files(tmp_path):
    target = tmp_path / "figure.png"
    with atomic_open(target, "wb") as fh:
        fh.write(b"\x89PNG")
    assert target.read_bytes() == b"\x89PNG"
    assert target.stat().st_mode & 0o777 == _expected_mode()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "table.csv"
    write_text_atomic(target, "a,b\n")
    with pytest.raises(RuntimeError):
        with atomic_open(target, "w", encoding="utf-8") as fh:
            fh.write("half a tab")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "a,b\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_only_write_modes_are_accepted(tmp_path):
    with pytest.raises(ValueError, match="mode"):
        with atomic_open(tmp_path / "x", "a"):
            pass
