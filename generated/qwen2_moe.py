# generated from schemas/qwen2_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=8b02f9e669e2c1be content=a1eb78d540abfa0f
from typing import Annotated, ClassVar

from generated.qwen2 import Qwen2Config
from kvarch import schema_runtime as rt


class Qwen2MoeConfig(Qwen2Config, frozen=True, kw_only=True, dict=True):
    """Qwen2-MoE decoder (sliding window on even layers below max_window_layers when
    use_sliding_window)."""

    SCHEMA: ClassVar[str] = "schemas/qwen2_moe.yaml"

    num_hidden_layers: rt.Layers = 24
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeadsOrNull | None = 16
    hidden_size: rt.Width = 2048
    sliding_window: Annotated[int, rt.hf(ge=0, keep_null=True)] | None = 4096
    """Tokens a sliding layer sees (default 4096; transformers saves 0 without
    use_sliding_window)."""

    @rt.reads("use_sliding_window", "max_window_layers")
    def _kind(self, i: int) -> str:
        return (
            "sliding"
            if self.use_sliding_window and (i + 1) % 2 == 1 and (i < self.max_window_layers)
            else "full"
        )
