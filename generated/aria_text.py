# generated from schemas/aria_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=aedd8e4f4b8acd44 content=e8ba5b4d2bc30b42
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class AriaTextConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Aria text decoder (MoE; Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("aria_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("AriaTextForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/aria_text.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
