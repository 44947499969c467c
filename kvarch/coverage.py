"""``kvarch coverage``: which transformers decoders that keep a KV cache have a schema.

The denominator: transformers' causal-LM auto mapping minus the model types listed in
``EXCLUDED``, each with the reason it keeps no decoder KV cache worth a schema, in two groups:
decoder families, and ``ENCODER_DECODER`` — the decoders of encoder-decoder models and the
encoders that run as decoders (a self-attention cache per token, and a cross-attention cache of
an encoder's states per sequence where the config asks for one).
"""

from __future__ import annotations

import msgspec

from kvarch import registry

__all__ = [
    "ENCODER_DECODER",
    "EXCLUDED",
    "CoverageReport",
    "causal_lm_model_types",
    "coverage_report",
    "decoder_families_with_kv_cache",
    "encoder_decoder_decoders",
]

_NO_KV = "pure recurrent/SSM model: every layer keeps a fixed-size state, no per-token KV"
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
    # other memories
    "reformer": _OTHER_MEMORY,
    "xlnet": _OTHER_MEMORY,
    # no cache at all
    "openai-gpt": _NO_CACHE,
    # speculative-decoding assistants: every layer reads the target model's KV, passed in
    "gemma4_assistant": _ASSISTANT,
    "gemma4_unified_assistant": _ASSISTANT,
}
"""Causal-LM model types that are not decoders keeping a KV cache, with why."""

ENCODER_DECODER: frozenset[str] = frozenset(
    {
        # the decoder half of an encoder-decoder model, exposed as a CausalLM
        "bart",
        "bigbird_pegasus",
        "blenderbot",
        "blenderbot-small",
        "marian",
        "mbart",
        "musicgen",
        "musicgen_melody",
        "mvp",
        "pegasus",
        "plbart",
        "prophetnet",
        "trocr",
        "whisper",
        # encoders whose CausalLM head runs them as decoders (is_decoder; bert2bert)
        "bert",
        "bert-generation",
        "big_bird",
        "camembert",
        "data2vec-text",
        "electra",
        "ernie",
        "megatron-bert",
        "rembert",
        "roberta",
        "roberta-prelayernorm",
        "roc_bert",
        "roformer",
        "xlm",
        "xlm-roberta",
        "xlm-roberta-xl",
        "xmod",
    }
)
"""Causal-LM model types that are encoder-decoder decoders or encoders run as decoders: in the
denominator, reported as their own group."""


def causal_lm_model_types() -> list[str]:
    """Every model type in the installed transformers' causal-LM auto mapping, sorted."""
    from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES

    return sorted(MODEL_FOR_CAUSAL_LM_MAPPING_NAMES)


def decoder_families_with_kv_cache() -> list[str]:
    """Decoder-only causal-LM model types that keep a per-token KV cache."""
    return [t for t in causal_lm_model_types() if t not in EXCLUDED and t not in ENCODER_DECODER]


def encoder_decoder_decoders() -> list[str]:
    """Causal-LM model types that are encoder-decoder decoders or encoders run as decoders."""
    return [t for t in causal_lm_model_types() if t in ENCODER_DECODER]


class CoverageReport(msgspec.Struct, frozen=True, kw_only=True):
    """Decoder families of the installed transformers, with and without a schema."""

    transformers_version: str
    """Version the families were read from."""
    covered: list[str]
    """Families a schema serves."""
    missing: list[str]
    """Families no schema serves yet."""
    encoder_decoder_covered: list[str] = msgspec.field(default_factory=list)
    """Encoder-decoder decoders (and encoders run as decoders) a schema serves."""
    encoder_decoder_missing: list[str] = msgspec.field(default_factory=list)
    """Encoder-decoder decoders (and encoders run as decoders) no schema serves yet."""

    @property
    def ratio(self) -> float:
        """Covered / total, decoder families."""
        return _ratio(self.covered, self.missing)

    @property
    def encoder_decoder_ratio(self) -> float:
        """Covered / total, encoder-decoder decoders."""
        return _ratio(self.encoder_decoder_covered, self.encoder_decoder_missing)

    def render(self) -> str:
        """Counts per group, each followed by its missing families."""
        lines = []
        groups = (
            ("decoder families", self.covered, self.missing),
            (
                "encoder-decoder decoders (and encoders run as decoders)",
                self.encoder_decoder_covered,
                self.encoder_decoder_missing,
            ),
        )
        for what, covered, missing in groups:
            total = len(covered) + len(missing)
            lines.append(
                f"transformers {self.transformers_version}: {len(covered)}/{total} {what} with a "
                f"KV cache have a schema ({_ratio(covered, missing):.1%})"
            )
            if missing:
                lines.append("without a schema: " + ", ".join(missing))
        return "\n".join(lines)


def _ratio(covered: list[str], missing: list[str]) -> float:
    total = len(covered) + len(missing)
    return len(covered) / total if total else 1.0


def coverage_report() -> CoverageReport:
    """Compare the installed transformers' decoder families with ``generated``'s model types."""
    import transformers

    families = decoder_families_with_kv_cache()
    encdec = encoder_decoder_decoders()
    known = set(registry.model_types())
    return CoverageReport(
        transformers_version=transformers.__version__,
        covered=[f for f in families if f in known],
        missing=[f for f in families if f not in known],
        encoder_decoder_covered=[f for f in encdec if f in known],
        encoder_decoder_missing=[f for f in encdec if f not in known],
    )
