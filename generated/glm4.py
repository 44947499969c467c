# generated from schemas/glm4.yaml by `make generate`; do not edit.
# kvarch-digest: render=deef35010002415c content=44f1f3274d03d7e4
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Glm4Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """GLM-4 decoder (GQA, explicit head_dim, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/glm4.yaml"

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 2
    hidden_size: rt.Width = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 128
    max_position_embeddings: rt.Positive = 131072
