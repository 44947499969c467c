# generated from schemas/exaone4.yaml by `make generate`; do not edit.
# kvarch-digest: render=b23ab1766fbe3a67 content=b0f0c05080401100
from typing import Annotated, ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class Exaone4Config(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """EXAONE 4 decoder (sliding layers with every 4th layer full; all full without a window)."""

    SCHEMA: ClassVar[str] = "schemas/exaone4.yaml"

    num_kv_heads: rt.KvHeadsOrNull | None = 32
    max_position_embeddings: rt.Positive = 2048
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 4096
    """Tokens a sliding layer sees; null makes every layer full attention."""
    sliding_window_pattern: Annotated[int, rt.hf(ge=0, unless_present=("layer_types",))] = 4
    """Every this-many-th layer is full attention (0 when there is no window); not read when
    layer_types is given, as transformers then ignores it."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield (
            "sliding_window_pattern",
            ("at least 1 when sliding_window is set and layer_types is absent"),
            self.sliding_window is None
            or self.layer_types is not None
            or self.sliding_window_pattern >= 1,
        )

    @rt.reads("sliding_window", "sliding_window_pattern")
    def _kind(self, i: int) -> str:
        return (
            "sliding"
            if self.sliding_window is not None
            and self.sliding_window_pattern >= 1
            and ((i + 1) % self.sliding_window_pattern != 0)
            else "full"
        )
