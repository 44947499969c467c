# generated from schemas/helium.yaml by `make generate`; do not edit.
# kvarch-digest: render=a9e66c351237884e content=bc52a45517794597
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HeliumConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Helium decoder (explicit head_dim, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/helium.yaml"

    num_hidden_layers: rt.Layers = 24
    num_attention_heads: rt.Heads = 20
    num_kv_heads: rt.KvHeadsOrNull | None = 20
    hidden_size: rt.Width = 2560
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 128
    max_position_embeddings: rt.Positive = 4096
