# generated from schemas/hyperclovax.yaml by `make generate`; do not edit.
# kvarch-digest: render=ef8a8b6a1c39ca98 content=1ce226dcc2688938
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HyperClovaxConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """HyperCLOVA X decoder (Llama geometry, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/hyperclovax.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
