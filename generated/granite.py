# generated from schemas/granite.yaml by `make generate`; do not edit.
# kvarch-digest: render=4b5750cf50be9a76 content=481dfdaa4273cc70
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GraniteConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Granite decoder, dense or MoE (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granite", "granitemoe", "granitemoeshared")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = (
        "GraniteForCausalLM",
        "GraniteMoeForCausalLM",
        "GraniteMoeSharedForCausalLM",
    )
    SCHEMA: ClassVar[str] = "schemas/granite.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
