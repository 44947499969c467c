# generated from schemas/golden_child.yaml by `make generate`; do not edit.
# kvarch-digest: render=5825f1bcc61100ae content=3c6027b5692114b3
from typing import ClassVar

from generated.golden import GoldenConfig
from kvarch import schema_runtime as rt


class GoldenChildConfig(GoldenConfig, frozen=True, kw_only=True, dict=True):
    """Golden child (a changed default, a narrowed input, a new input, an appended check)."""

    SCHEMA: ClassVar[str] = "schemas/golden_child.yaml"

    explicit_head_dim: rt.HeadDim = 16
    max_position_embeddings: rt.Positive = 8192
    first_dense_layers: rt.NonNegative = 1
    """HF field first_dense_layers."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield (
            "first_dense_layers",
            "at most num_hidden_layers",
            self.first_dense_layers <= self.num_hidden_layers,
        )

    @property
    def first_shared(self) -> int:
        return max(self.num_hidden_layers - self.num_kv_shared_layers, self.first_dense_layers)

    @rt.reads("num_hidden_layers", "num_kv_shared_layers", "first_dense_layers")
    def _kv_source(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return rt.last_index(kinds, kind, self.first_shared) if i >= self.first_shared else None
