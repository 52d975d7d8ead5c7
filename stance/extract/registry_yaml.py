"""Reading a registry's YAML file and checking its fields.

:class:`YamlSource` reads a file (or a bundled default) with ``yaml.safe_load`` and finds the
line of any entry or field on demand; the field readers check one field's type and value.
Every problem is a :class:`RegistryError` that names the file, the line, the entry and what to
change. :mod:`stance.extract.registry` uses them to read the actor and target files.
"""
from __future__ import annotations

import difflib
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable

import yaml

__all__ = ["RegistryError", "YamlSource", "check_fields", "did_you_mean", "entry_label",
           "kind_of", "string_field", "strings_field", "year_fields"]

#: Plausible office years; anything outside is a typo (e.g. 20222), not history.
_YEARS = (1900, 2100)


class RegistryError(ValueError):
    """A registry file or entry that cannot be used; the message says where and what to do."""


class YamlSource:
    """A registry file being read: its label for messages and line numbers of its entries."""

    def __init__(self, label: str, text: str):
        self.label = label
        self.text = text
        self.data: Any = None
        self.root: yaml.Node | None = None

    @classmethod
    def read(cls, path, default_name: str) -> "YamlSource":
        """Read and parse ``path``, or the bundled ``stance/resources/<default_name>``."""
        if path is None:
            resource = files("stance") / "resources" / default_name
            label = f"stance/resources/{default_name}"
            text = resource.read_text(encoding="utf-8")
        else:
            label = str(path)
            p = Path(path)
            if not p.is_file():
                what = "is a folder" if p.is_dir() else "does not exist"
                raise RegistryError(f"{label}: the file {what}; give the path of a YAML "
                                    f"file laid out like stance/resources/{default_name}")
            try:
                text = p.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise RegistryError(f"{label}: not UTF-8 text (byte {exc.start}); save the "
                                    "file as UTF-8") from None
        src = cls(label, text)
        try:
            src.data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise RegistryError(f"{label}{where}: not valid YAML ({problem}); check the "
                                "indentation and put quotes around values that contain ': ' "
                                "or start with a special character") from None
        return src

    def _child(self, node, key):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key:
                    return k, v
        if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            return node.value[key], node.value[key]
        return None, None

    def line(self, *path) -> int | None:
        """1-based line of the item at ``path`` (keys and list indices), or None."""
        if self.root is None:
            # Only error messages need lines: compose the node tree (no objects) on demand.
            self.root = yaml.compose(self.text, Loader=yaml.SafeLoader)
        node, key_node = self.root, None
        for step in path:
            key_node, node = self._child(node, step)
            if node is None:
                return None
        mark = (key_node or node).start_mark
        return mark.line + 1

    def error(self, where: str, problem: str, *path) -> RegistryError:
        """An error "FILE: entry 3 ('Name', line 12): problem" (line when ``path`` finds one)."""
        line = self.line(*path) if path else None
        if line and where.endswith(")"):
            where = f"{where[:-1]}, line {line})"
        elif line:
            where = f"{where} (line {line})" if where else f"line {line}"
        return RegistryError(f"{self.label}: {where}: {problem}" if where
                             else f"{self.label}: {problem}")

    def top(self, key: str, allowed: tuple[str, ...], example: str) -> Any:
        """The value of the top-level ``key``, once the top level holds only ``allowed`` keys."""
        if not isinstance(self.data, dict) or key not in self.data:
            got = "an empty file" if self.data is None else f"a {kind_of(self.data)}"
            raise RegistryError(f"{self.label}: expected a top-level '{key}:' list, got {got}; "
                                f"start the file with\n{example}")
        for k in self.data:
            if k not in allowed:
                raise self.error("", f"unknown top-level key {k!r} (allowed: "
                                 f"{', '.join(allowed)}){did_you_mean(k, allowed)}", k)
        return self.data[key]


def kind_of(value: Any) -> str:
    """What ``value`` is, in the words of a YAML file ("mapping", "list", "true/false" ...)."""
    return {dict: "mapping", list: "list", str: "string", bool: "true/false", int: "number",
            float: "number"}.get(type(value), type(value).__name__)


def did_you_mean(word: Any, allowed: Iterable[str]) -> str:
    """A "; did you mean ...?" hint naming the closest of ``allowed`` to ``word``, else empty."""
    by_lower = {a.lower(): a for a in allowed}
    close = difflib.get_close_matches(str(word).lower(), list(by_lower), n=1)
    return f"; did you mean {by_lower[close[0]]!r}?" if close else ""


def entry_label(i: int, entry: Any, name_field: str = "name") -> str:
    """The label of entry ``i`` (0-based) in messages: entry 3 ('Name'), or entry 3."""
    name = entry.get(name_field) if isinstance(entry, dict) else None
    return f"entry {i + 1} ({name!r})" if isinstance(name, str) else f"entry {i + 1}"


def check_fields(src: YamlSource, where: str, entry: Any, allowed, required, path) -> None:
    """Check that ``entry`` is a mapping with ``required`` fields and only ``allowed`` ones."""
    if not isinstance(entry, dict):
        raise src.error(where, f"expected a mapping of fields ({', '.join(required)}, ...), "
                        f"got a {kind_of(entry)}; indent the fields under the '- '", *path)
    for k in entry:
        if k not in allowed:
            raise src.error(where, f"unknown field {k!r} (allowed: {', '.join(allowed)})"
                            f"{did_you_mean(k, allowed)}", *path, k)
    for k in required:
        if k not in entry or entry[k] is None:
            raise src.error(where, f"missing required field {k!r}; add '{k}: ...'", *path)


def string_field(src: YamlSource, where: str, entry: dict, field: str, path, *,
                 optional=True) -> str | None:
    """The non-empty text of ``entry[field]``, stripped; None when optional and absent."""
    value = entry.get(field)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise src.error(where, f"field {field!r} must be a non-empty text, got "
                        f"{value!r} (a {kind_of(value)}); put it in quotes", *path, field)
    return value.strip()


def strings_field(src: YamlSource, where: str, entry: dict, field: str, path) -> tuple[str, ...]:
    """The texts listed in ``entry[field]``, spacing collapsed, repeats dropped; () when absent."""
    value = entry.get(field)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise src.error(where, f"field {field!r} must be a list of strings, e.g. "
                        f"'{field}: [first, second]', got a {kind_of(value)}", *path, field)
    out = []
    for j, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise src.error(where, f"item {j + 1} of {field!r} is {item!r} (a {kind_of(item)}), "
                            "not a text; put it in quotes or remove it", *path, field)
        if not any(c.isalpha() for c in item):
            raise src.error(where, f"item {j + 1} of {field!r} ({item!r}) has no letters; "
                            "remove it", *path, field)
        out.append(" ".join(item.split()))
    return tuple(dict.fromkeys(out))


def _year(src: YamlSource, where: str, entry: dict, field: str, path) -> int | None:
    value = entry.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not _YEARS[0] <= value <= _YEARS[1]:
        raise src.error(where, f"field {field!r} must be a year such as 2019, got {value!r}",
                        *path, field)
    return value


def year_fields(src, where, entry, path) -> tuple[int | None, int | None]:
    """``entry``'s ``since`` and ``until`` years, checked for range and order."""
    since = _year(src, where, entry, "since", path)
    until = _year(src, where, entry, "until", path)
    if since is not None and until is not None and until < since:
        raise src.error(where, f"'until: {until}' is before 'since: {since}'; swap them",
                        *path, "until")
    return since, until
