# generated from schemas/emu3.yaml by `make generate`; do not edit.
# kvarch-digest: render=f7beebb0ec2d07a5 content=c5db204e72d39dea
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Emu3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Emu3 (VQ image tokens in a Llama-geometry decoder read from text_config)."""

    SCHEMA: ClassVar[str] = "schemas/emu3.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 9216
