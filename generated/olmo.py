# generated from schemas/olmo.yaml by `make generate`; do not edit.
# kvarch-digest: render=8aecf0e769f818d4 content=a47132504576b433
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """OLMo / OLMo2 decoder (every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/olmo.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
