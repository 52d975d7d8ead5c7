"""Stage 6b, classify: the file format of a trained classifier, plain data and never a pickle.

A saved :class:`stance.score.classifier.StanceClassifier` is two files: ``model.json`` with
the format marker, :data:`stance.score.features.FEATURE_VERSION`, the parameters, the classes
and the intercepts, and ``model.npz`` beside it with the non-zero weights as index/value arrays.
:func:`write_model` writes both atomically; :func:`read_model` reads them back and refuses a
file of another format or feature version, malformed weights, and weights that would need
unpickling.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Callable

import numpy as np

from ..io.atomic import atomic_open, write_text_atomic
from .features import FEATURE_VERSION

__all__ = ["FORMAT", "write_model", "read_model"]

#: Marks a file written by :func:`write_model`; checked by :func:`read_model`.
FORMAT = "stance-classifier"


def write_model(path, params: dict, classes, coef: np.ndarray, intercept: np.ndarray) -> Path:
    """Write a fitted linear model as ``path`` (JSON) and its weights beside it (``.npz``).

    Parameters
    ----------
    path : str or Path
        The JSON file to write; the weights go to the same name with suffix ``.npz``.
    params : dict
        The estimator's parameters (``get_params(deep=False)``); tuples are written as lists.
    classes : array-like of shape (n_classes,)
        The labels, one per row of ``coef``.
    coef : ndarray of shape (n_classes, n_columns)
        The weights; only the non-zero ones are written.
    intercept : ndarray of shape (n_classes,)
        The intercepts.

    Returns
    -------
    Path
        ``path`` as a :class:`~pathlib.Path`.

    Raises
    ------
    ValueError
        A parameter is not plain data (numbers, strings, lists, dicts, None).
    """
    path = Path(path)
    weights = _weights_path(path)
    from .. import __version__
    params = {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}
    if not _is_plain(params):
        raise ValueError("only plain-data parameters (numbers, strings, lists, dicts, None) "
                         f"can be saved; got {params!r}")
    meta = {"format": FORMAT, "feature_version": FEATURE_VERSION,
            "stance_version": __version__, "params": params,
            "classes": [_plain_label(c) for c in classes],
            "intercept": intercept.tolist(), "n_columns": int(coef.shape[1]),
            "weights": weights.name}
    rows, cols = np.nonzero(coef)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(weights, "wb") as fh:
        np.savez_compressed(fh, rows=rows.astype(np.int32), cols=cols.astype(np.int64),
                            values=coef[rows, cols])
    write_text_atomic(path, json.dumps(meta, indent=1) + "\n")
    return path


def read_model(path, make: Callable[[dict], object], n_columns_of: Callable[[object], int]):
    """Read a model written by :func:`write_model`.

    Parameters
    ----------
    path : str or Path
        The JSON file (its ``.npz`` must sit beside it).
    make : callable
        ``make(params)`` returns the unfitted estimator with the saved parameters; a
        TypeError it raises (an unknown parameter) is reported as a ValueError about the file.
    n_columns_of : callable
        ``n_columns_of(estimator)``: the number of feature columns the estimator computes,
        which the saved weights must have.

    Returns
    -------
    (estimator, classes, coef, intercept)
        What ``make`` returned, the list of labels, the weights of shape (n_classes,
        n_columns) and the intercepts.

    Raises
    ------
    ValueError
        The file is not a stance model file, was written for other features, or its weights
        file is malformed or holds pickled objects (never unpickled).
    FileNotFoundError
        The JSON file or its weights file is missing.
    """
    path = Path(path)
    not_model = (f"{path}: not a stance model file (expected the JSON written by "
                 "StanceClassifier.save)")
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"{not_model}: it is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{not_model}: it is not JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ValueError(f"{not_model}: it lacks \"format\": \"{FORMAT}\"")
    if meta.get("feature_version") != FEATURE_VERSION:
        raise ValueError(f"{path}: the model was saved with feature version "
                         f"{meta.get('feature_version')!r}, this stance computes version "
                         f"{FEATURE_VERSION}; retrain it")
    try:
        params = dict(meta["params"])
        classes = list(meta["classes"])
        intercept = np.asarray(meta["intercept"], dtype=np.float64)
        n_columns = int(meta["n_columns"])
        weights = path.parent / str(meta["weights"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{not_model}: missing or malformed field {exc}") from exc
    try:
        model = make(params)
    except TypeError as exc:
        raise ValueError(f"{not_model}: unknown parameter ({exc})") from exc
    if not weights.is_file():
        raise FileNotFoundError(f"{path}: its weights file {weights} is missing; copy it "
                                "beside the JSON file")
    try:
        with np.load(weights, allow_pickle=False) as npz:
            rows, cols, values = npz["rows"], npz["cols"], npz["values"]
    except ValueError as exc:  # object arrays need pickle, which is refused
        raise ValueError(f"{weights}: refusing to load: the weights file contains pickled "
                         "objects (not a stance model file)") from exc
    except (KeyError, OSError, zipfile.BadZipFile) as exc:
        raise ValueError(f"{weights}: not a stance model weights file ({exc})") from exc
    if not all(a.dtype.kind in "iuf" for a in (rows, cols, values)) \
            or not rows.shape == cols.shape == values.shape:
        raise ValueError(f"{weights}: not a stance model weights file (bad arrays)")
    expected = n_columns_of(model)
    if n_columns != expected or len(intercept) != len(classes):
        raise ValueError(f"{path}: the weights do not match the parameters "
                         f"({n_columns} columns saved, {expected} expected)")
    coef = np.zeros((len(classes), n_columns), dtype=np.float64)
    if rows.size and (rows.max() >= len(classes) or cols.max() >= n_columns
                      or rows.min() < 0 or cols.min() < 0):
        raise ValueError(f"{weights}: weight indices out of range")
    coef[rows, cols] = values
    return model, classes, coef, intercept


def _weights_path(path: Path) -> Path:
    return path.with_suffix(".npz") if path.suffix != ".npz" else path.with_suffix(".weights.npz")


def _plain_label(label):
    return label.item() if isinstance(label, np.generic) else label


def _is_plain(value) -> bool:
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, list):
        return all(_is_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_plain(v) for k, v in value.items())
    return False
