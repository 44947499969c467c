# generated from schemas/nanochat.yaml by `make generate`; do not edit.
# kvarch-digest: render=75fedd914147a4a0 content=bf3ee455953b0fe0
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NanoChatConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """NanoChat decoder (Llama geometry, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/nanochat.yaml"

    num_hidden_layers: rt.Layers = 12
    num_attention_heads: rt.Heads = 6
    hidden_size: rt.Width = 768
