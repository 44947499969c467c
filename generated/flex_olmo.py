# generated from schemas/flex_olmo.yaml by `make generate`; do not edit.
# kvarch-digest: render=e78cff483fd00661 content=dfcbcfac1c8d1433
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class FlexOlmoConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """FlexOlmo decoder (every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/flex_olmo.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 4096
