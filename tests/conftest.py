"""Shared test helpers."""
import importlib.util
import sys
from pathlib import Path

import pytest

from stance.extract.registry import load_actors

_BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(autouse=True)
def close_figures():
    """Close every matplotlib figure a test left open (only where pyplot was imported)."""
    yield
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")


@pytest.fixture(scope="session")
def actors():
    """The bundled actor registry (read once: the attribution tests only read it)."""
    return load_actors()


@pytest.fixture
def benchmark_module():
    """Load a script of ``benchmarks/`` (not a package) as a module: ``benchmark_module("external")``."""
    def load(name: str):
        spec = importlib.util.spec_from_file_location(f"_bench_{name}", _BENCHMARKS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return load


@pytest.fixture
def newsmtsc(benchmark_module):
    """``(external, folder)``: benchmarks/external.py and the NewsMTSC folder; skips without it."""
    external = benchmark_module("external")
    shared = external.shared_dir()
    if shared is None:
        pytest.skip("NewsMTSC not found: ../shared/benchmarks is absent (set STANCE_SHARED)")
    return external, shared / "newsmtsc"
