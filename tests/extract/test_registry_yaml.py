"""Tests of stance.extract.registry_yaml: file errors name the file and the line."""
from __future__ import annotations

import pytest

from stance.extract.registry import load_actors, load_targets
from stance.extract.registry_yaml import RegistryError

from .registry_files import actor_file, write


def test_actor_error_gives_the_line_of_the_field(tmp_path):
    path = actor_file(tmp_path, """
  - name: Sergey Lavrov
    type: person
    affiliation: Russia
    titel: [Foreign Minister]
""")
    with pytest.raises(RegistryError) as err:
        load_actors(path)
    line = path.read_text().splitlines().index("    titel: [Foreign Minister]") + 1
    assert f"line {line})" in str(err.value)


def test_malformed_actor_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path, "broken.yaml", """
        actors:
          - name: Vladimir Putin
            type: person
           affiliation: Russia
        """)
    with pytest.raises(RegistryError, match=r"broken\.yaml, line 4, column \d+: not valid YAML"):
        load_actors(path)


def test_malformed_target_yaml(tmp_path):
    path = write(tmp_path, "targets.yaml", "targets:\n  - name: NATO\n    aliases: [NATO\n")
    with pytest.raises(RegistryError, match=r"targets\.yaml, line \d+, column \d+: not valid YAML"):
        load_targets(path)


def test_missing_file(tmp_path):
    with pytest.raises(RegistryError, match=r"nothere\.yaml: the file does not exist"):
        load_actors(tmp_path / "nothere.yaml")
    with pytest.raises(RegistryError, match="is a folder"):
        load_targets(tmp_path)
