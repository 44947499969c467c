# generated from schemas/qwen3_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=248cd74341c297e0 content=8af8ce3170fae947
from typing import Annotated, ClassVar

from generated.qwen2 import Qwen2Config
from kvarch import schema_runtime as rt


class Qwen3MoeConfig(Qwen2Config, frozen=True, kw_only=True, dict=True):
    """Qwen3-MoE decoder (every layer sliding when use_sliding_window)."""

    SCHEMA: ClassVar[str] = "schemas/qwen3_moe.yaml"

    num_hidden_layers: rt.Layers = 24
    num_kv_heads: rt.KvHeadsOrNull | None = 4
    hidden_size: rt.Width = 2048
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 4096
    """Tokens each layer sees when use_sliding_window (transformers' default 4096)."""

    @rt.reads("use_sliding_window", "sliding_window")
    def _kind(self, i: int) -> str:
        return "sliding" if self.use_sliding_window and self.sliding_window is not None else "full"
