# generated from schemas/nanochat.yaml by `make generate`; do not edit.
# kvarch-digest: render=f0ffff9ee7c1b65c content=538e2ede1dcbe75f
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NanoChatConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """NanoChat decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nanochat",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NanoChatForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/nanochat.yaml"

    num_hidden_layers: rt.Layers = 12
    num_attention_heads: rt.Heads = 6
    hidden_size: rt.Width = 768
