"""Helpers shared by the loading tests: a fictional lead paragraph, writing a file, error reasons."""

LEAD = "MOSCOW (AP) — Putin said the West ignored Russia’s demands."


def write(path, data):
    """Write ``data`` (text as UTF-8, or bytes) to ``path``, making its folder; return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def reasons(errors):
    """The reasons of a list of load errors."""
    return [e.reason for e in errors]
