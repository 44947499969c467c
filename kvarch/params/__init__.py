"""Parameter counts from a config.json, per family, torch-free.

Each family's count lists the model's tensors the way transformers builds them: weight
matrices as (out, in) with a tag saying where they sit (``embed``, ``head``, ``attn``, ``mlp``,
``expert``, ``router``), and every other tensor (norms, biases, convolutions, state-space
parameters) as a bare count. ``tests/test_weights.py`` checks each fixture against a
transformers instantiation on the meta device. Quantized bytes (``kvarch.weights``) need the
matrix shapes: block-wise fp8 stores a scale per block, int4 a scale per group.

The formulas live in one module per group (``decoders``, ``moe``, ``hybrids``, ``encoders``,
``multimodal``, ``streams``), each
registering its model_types in ``core.FORMULAS``; importing them here fills the registry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kvarch.params import hybrids, moe, multimodal, streams  # noqa: F401  (register their formulas)
from kvarch.params.core import FORMULAS, Cfg, Matrix, ParamCount
from kvarch.params.decoders import llama_like
from kvarch.params.encoders import siglip
from kvarch.params.multimodal import TOWERS

__all__ = ["Matrix", "ParamCount", "count_params"]

#: a composite's text model_type where its text_config may not name it (transformers' class)
_TEXT_TYPES = {"emu3": "emu3_text_model"}


def count_params(config: Mapping[str, Any]) -> ParamCount:
    """The parameters ``config`` (a config.json dict) builds; ``family`` says which formula."""
    model_type = str(config.get("model_type", ""))
    text = config.get("text_config")
    if text is None and model_type in _TEXT_TYPES:  # the composite's default text config
        text = {}
    if isinstance(text, Mapping):
        text_type = str(text.get("model_type") or _TEXT_TYPES.get(model_type, f"{model_type}_text"))
        if model_type in TOWERS:  # the composite's own tie_word_embeddings ties the head
            text = {**text, "tie_word_embeddings": Cfg(config, model_type).tied}
        n = count_params({**text, "model_type": text_type})
        vision = config.get("vision_config")
        if model_type in TOWERS:
            TOWERS[model_type](Cfg(config, model_type), Cfg(text, text_type).int("hidden_size"), n)
            n.family = f"{n.family} + {model_type} towers"
        elif isinstance(vision, Mapping) and vision.get("model_type") == "siglip_vision_model":
            siglip(vision, Cfg(text, text_type).int("hidden_size"), n)
        elif vision is not None:
            n.notes.append("vision tower not counted")
        if config.get("vq_config") is not None:  # Emu3's VQ-VAE image tokenizer
            n.notes.append("VQ image tokenizer not counted")
        return n
    cfg = Cfg(config, model_type)
    if model_type in FORMULAS:
        n = ParamCount(family=model_type)
        FORMULAS[model_type](cfg, n)
    else:
        n = ParamCount(family="generic")
        llama_like(cfg, n)
        n.notes.append(f"no formula for {model_type!r}: counted as a Llama-style decoder")
    return n
