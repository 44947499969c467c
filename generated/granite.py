# generated from schemas/granite.yaml by `make generate`; do not edit.
# kvarch-digest: render=045578f3be825465 content=65e68cf4fa9db1cd
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GraniteConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Granite decoder, dense or MoE (GQA, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/granite.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
