# generated from schemas/gemma4_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=884f69660928e5c6 content=1ba1341cc9442aec
from typing import Annotated, ClassVar

from generated.gemma3n_text import Gemma3nTextConfig
from kvarch import schema_runtime as rt


class Gemma4TextConfig(Gemma3nTextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma4 text decoder (full layers use their own head dim; optional KV-shared tail)."""

    SCHEMA: ClassVar[str] = "schemas/gemma4_text.yaml"

    num_hidden_layers: rt.Layers = 30
    num_kv_heads: rt.KvHeads = 4
    """KV heads (transformers' default 4 when the config omits it)."""
    hidden_size: rt.Width = 2304
    max_position_embeddings: rt.Positive = 131072
    num_kv_shared_layers: rt.NonNegative = 0
    global_head_dim: rt.Positive = 512
    """Per-head width of full-attention layers (configs without per_layer_config)."""
    num_global_kv_heads: Annotated[int, rt.hf("num_global_key_value_heads", ge=1)] | None = None
    """KV heads of full-attention layers when attention_k_eq_v (else num_key_value_heads)."""
    attention_k_eq_v: bool = False
    """Full-attention layers reuse K as V (and take num_global_key_value_heads)."""
    use_bidirectional_attention: str | None = None
    """\"all\" (embedding use) narrows the window to sliding_window // 2 + 1."""
    layer_head_dim: dict[int, Annotated[int, rt.hf("per_layer_config.*.head_dim", ge=1)]] | None = (
        None
    )
    """Per-layer head_dim overrides (transformers >= 5.24 per_layer_config)."""
    layer_kv_heads: (
        dict[int, Annotated[int, rt.hf("per_layer_config.*.num_key_value_heads", ge=1)]] | None
    ) = None
    """Per-layer num_key_value_heads overrides (per_layer_config)."""

    @property
    def has_overrides(self) -> bool:
        """The config carries per_layer_config (which then replaces the global keys)."""
        return self.layer_head_dim is not None

    @property
    def full_kv_heads(self) -> int:
        """KV heads of full-attention layers (configs without per_layer_config)."""
        return (
            rt.coalesce(self.num_global_kv_heads, self.kv_heads)
            if self.attention_k_eq_v
            else self.kv_heads
        )

    @property
    def window(self) -> int:
        """Tokens a sliding layer sees."""
        return (
            self.sliding_window // 2 + 1
            if self.use_bidirectional_attention == "all"
            else self.sliding_window
        )

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 6 == 0 or i == self.num_hidden_layers - 1 else "sliding"

    _window = rt.from_derived("window", "use_bidirectional_attention", "sliding_window")

    @rt.reads(
        "layer_head_dim",
        "layer_kv_heads",
        "num_kv_heads",
        "num_attention_heads",
        "attention_k_eq_v",
        "num_global_kv_heads",
    )
    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return (
            rt.coalesce(rt.layer_value(self.layer_kv_heads, i), self.kv_heads)
            if self.has_overrides
            else self.full_kv_heads
            if kind == "full"
            else self.kv_heads
        )

    @rt.reads("layer_head_dim", "explicit_head_dim", "global_head_dim")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return (
            rt.coalesce(rt.layer_value(self.layer_head_dim, i), self.explicit_head_dim)
            if self.has_overrides
            else self.global_head_dim
            if kind == "full"
            else self.explicit_head_dim
        )
