# generated from schemas/aria_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=6b3752842731be49 content=4c410f15e241d2a4
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class AriaTextConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Aria text decoder (MoE; Llama geometry, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/aria_text.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
