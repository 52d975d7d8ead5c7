"""Helpers shared by the registry tests: writing a YAML file, and an actor file with one good entry."""
import textwrap


def write(tmp_path, name: str, text: str):
    """Write ``text`` (dedented) to ``tmp_path / name``; return the path."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


GOOD_ACTOR = """
  - name: Vladimir Putin
    type: person
    affiliation: Russia
    gender: m
    aliases: [Putin]
"""


def actor_file(tmp_path, entry: str, name: str = "actors.yaml"):
    """An actor file holding :data:`GOOD_ACTOR` and then ``entry``."""
    return write(tmp_path, name, "actors:\n" + GOOD_ACTOR + entry)
