# generated from schemas/falcon_h1.yaml by `make generate`; do not edit.
# kvarch-digest: render=8df4118892391bca content=ab07254e9ff786c5
from typing import Annotated, ClassVar

from generated.mamba2_hybrid import Mamba2HybridConfig
from kvarch import schema_runtime as rt


class FalconH1Config(Mamba2HybridConfig, frozen=True, kw_only=True, dict=True):
    """Falcon-H1 parallel hybrid decoder (attention beside Mamba2 in every layer)."""

    SCHEMA: ClassVar[str] = "schemas/falcon_h1.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 8192
    mamba_d_ssm: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 1024
    """Mamba2 inner width; null means mamba_expand * hidden_size."""

    @property
    def mamba_inner(self) -> int:
        """Mamba2 inner width."""
        return rt.coalesce(self.mamba_d_ssm, self.mamba_expand * self.hidden_size)

    def _let_mamba(self, i: int, kinds: list[str]) -> bool:
        return True
