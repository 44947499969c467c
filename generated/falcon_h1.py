# generated from schemas/falcon_h1.yaml by `make generate`; do not edit.
# kvarch-digest: render=a81ce6f26c807ac4 content=33ce58b686d40771
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class FalconH1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Falcon-H1 parallel hybrid decoder (attention beside Mamba2 in every layer)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("falcon_h1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FalconH1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/falcon_h1.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 8192
    mamba_n_heads: rt.Positive = 128
    """Mamba2 heads."""
    mamba_n_groups: rt.Positive = 1
    """Mamba2 B/C groups."""
    mamba_d_state: rt.Positive = 256
    """Mamba2 SSM state size per head channel."""
    mamba_d_conv: rt.Positive = 4
    """Mamba2 convolution kernel width."""
    mamba_expand: rt.Positive = 2
    """Mamba2 inner width over hidden_size."""
    mamba_d_ssm: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 1024
    """Mamba2 inner width; null means mamba_expand * hidden_size."""

    @property
    def mamba_inner(self) -> int:
        """Mamba2 inner width."""
        return rt.coalesce(self.mamba_d_ssm, self.mamba_expand * self.hidden_size)

    @rt.reads(
        "mamba_d_ssm",
        "mamba_expand",
        "hidden_size",
        "mamba_n_groups",
        "mamba_d_state",
        "mamba_d_conv",
        "mamba_n_heads",
    )
    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "conv",
                (
                    self.mamba_inner + 2 * self.mamba_n_groups * self.mamba_d_state,
                    self.mamba_d_conv,
                ),
            ),
            (
                "ssm",
                (
                    self.mamba_n_heads,
                    self.mamba_inner // self.mamba_n_heads,
                    self.mamba_d_state,
                ),
            ),
        )
