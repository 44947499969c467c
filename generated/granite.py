# generated from schemas/granite.yaml by `make generate`; do not edit.
# kvarch-digest: render=6bd0c2aa30b09176 content=c075bc7fadf49e86
from typing import Annotated, ClassVar

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

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
