# generated from schemas/nanochat.yaml by `make generate`; do not edit.
# kvarch-digest: render=cf8fd3b723db95bc content=b4ae0dc6e4fc96a5
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NanoChatConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """NanoChat decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nanochat",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NanoChatForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/nanochat.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        12
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 6
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 768
