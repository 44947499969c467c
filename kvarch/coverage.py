"""``kvarch coverage``: which transformers decoder families that keep a KV cache have a schema.

The denominator of kvarch's coverage: transformers' causal-LM auto mapping minus the model
types listed in ``EXCLUDED``, each with the reason it keeps no decoder KV cache worth a schema.
"""

from __future__ import annotations

import msgspec

from kvarch import registry

__all__ = [
    "EXCLUDED",
    "CoverageReport",
    "causal_lm_model_types",
    "coverage_report",
    "decoder_families_with_kv_cache",
]

_NO_KV = "pure recurrent/SSM model: every layer keeps a fixed-size state, no per-token KV"
_ENCODER = "bidirectional encoder; its CausalLM head only runs the encoder with is_decoder=True"
_ENC_DEC = "decoder half of an encoder-decoder model: its cache is sized by the encoder input"
_ASSISTANT = "draft head that attends to the target model's KV; keeps none of its own"
_OTHER_MEMORY = "keeps no K/V per token (LSH buckets or segment memories instead)"
_NO_CACHE = "transformers' model keeps no cache: it re-runs the whole sequence every step"

EXCLUDED: dict[str, str] = {
    # no KV at all
    "mamba": _NO_KV,
    "mamba2": _NO_KV,
    "falcon_mamba": _NO_KV,
    "rwkv": _NO_KV,
    "xlstm": _NO_KV,
    # encoders with a decoder-mode LM head
    "bert": _ENCODER,
    "bert-generation": _ENCODER,
    "big_bird": _ENCODER,
    "camembert": _ENCODER,
    "data2vec-text": _ENCODER,
    "electra": _ENCODER,
    "ernie": _ENCODER,
    "megatron-bert": _ENCODER,
    "rembert": _ENCODER,
    "roberta": _ENCODER,
    "roberta-prelayernorm": _ENCODER,
    "roc_bert": _ENCODER,
    "roformer": _ENCODER,
    "xlm": _ENCODER,
    "xlm-roberta": _ENCODER,
    "xlm-roberta-xl": _ENCODER,
    "xmod": _ENCODER,
    # encoder-decoder models exposing their decoder as a CausalLM
    "bart": _ENC_DEC,
    "bigbird_pegasus": _ENC_DEC,
    "blenderbot": _ENC_DEC,
    "blenderbot-small": _ENC_DEC,
    "marian": _ENC_DEC,
    "mbart": _ENC_DEC,
    "musicgen": _ENC_DEC,
    "musicgen_melody": _ENC_DEC,
    "mvp": _ENC_DEC,
    "pegasus": _ENC_DEC,
    "plbart": _ENC_DEC,
    "prophetnet": _ENC_DEC,
    "trocr": _ENC_DEC,
    "whisper": _ENC_DEC,
    # other memories
    "reformer": _OTHER_MEMORY,
    "xlnet": _OTHER_MEMORY,
    # no cache at all
    "openai-gpt": _NO_CACHE,
    # speculative-decoding assistants: every layer reads the target model's KV, passed in
    "gemma4_assistant": _ASSISTANT,
    "gemma4_unified_assistant": _ASSISTANT,
}
"""Causal-LM model types that are not decoder families keeping a KV cache, with why."""


def causal_lm_model_types() -> list[str]:
    """Every model type in the installed transformers' causal-LM auto mapping, sorted."""
    from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES

    return sorted(MODEL_FOR_CAUSAL_LM_MAPPING_NAMES)


def decoder_families_with_kv_cache() -> list[str]:
    """Causal-LM model types that keep a per-token KV cache: what kvarch should cover."""
    return [t for t in causal_lm_model_types() if t not in EXCLUDED]


class CoverageReport(msgspec.Struct, frozen=True, kw_only=True):
    """Decoder families of the installed transformers, with and without a schema."""

    transformers_version: str
    """Version the families were read from."""
    covered: list[str]
    """Families a schema serves."""
    missing: list[str]
    """Families no schema serves yet."""

    @property
    def ratio(self) -> float:
        """Covered / total."""
        total = len(self.covered) + len(self.missing)
        return len(self.covered) / total if total else 1.0

    def render(self) -> str:
        """Counts, then the missing families."""
        total = len(self.covered) + len(self.missing)
        lines = [
            f"transformers {self.transformers_version}: {len(self.covered)}/{total} decoder "
            f"families with a KV cache have a schema ({self.ratio:.1%})",
        ]
        if self.missing:
            lines.append("without a schema: " + ", ".join(self.missing))
        return "\n".join(lines)


def coverage_report() -> CoverageReport:
    """Compare the installed transformers' decoder families with ``generated``'s model types."""
    import transformers

    families = decoder_families_with_kv_cache()
    known = set(registry.model_types())
    return CoverageReport(
        transformers_version=transformers.__version__,
        covered=[f for f in families if f in known],
        missing=[f for f in families if f not in known],
    )
