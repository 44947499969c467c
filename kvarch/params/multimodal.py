"""Decoders of multimodal checkpoints whose config.json is the decoder's, flat: Fuyu (a
Persimmon decoder fed linearly embedded image patches) and Moshi's text decoder."""

from __future__ import annotations

from kvarch.params.core import Cfg, ParamCount, embeddings, formula, gqa
from kvarch.params.decoders import classic


@formula("fuyu")
def _fuyu(c: Cfg, n: ParamCount) -> None:
    """Fuyu: the Persimmon decoder's fields at the top level (adept/fuyu-8b's flat file) and a
    biased linear patch embedding, patch_size² x num_channels wide."""
    if c.get("text_config") is not None:
        raise ValueError("fuyu: expected the Hub's flat config.json, got a nested text_config")
    classic(Cfg(c.raw, "persimmon"), n)
    hidden, patch = c.int("hidden_size", default=4096), c.int("patch_size", default=30)
    n.add(hidden, patch * patch * c.int("num_channels", default=3), "embed")
    n.other += hidden


@formula("moshi")
def _moshi(c: Cfg, n: ParamCount) -> None:
    """Moshi's text decoder (``MoshiForCausalLM``): an embedding with one padding row past the
    vocabulary, unbiased attention, a gating MLP (``ffn_dim`` in, half of it out), RMSNorms;
    the depth decoder and the audio codec belong to ``MoshiForConditionalGeneration``."""
    hidden, layers = c.int("hidden_size", default=4096), c.int("num_hidden_layers", default=32)
    ffn = c.int("ffn_dim", default=22528)
    embeddings(c, n, hidden)
    n.add(1, hidden, "embed")  # the padding row
    gqa(c, n, layers, hidden)
    n.add(ffn, hidden, "mlp", layers)
    n.add(hidden, ffn // 2, "mlp", layers)
    n.other += (2 * layers + 1) * hidden
