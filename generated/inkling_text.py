# generated from schemas/inkling_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=302c01183d4afdbe content=64aa399baa64abac
from typing import ClassVar

import msgspec

from generated.inkling_hybrid import InklingHybridConfig
from kvarch import schema_runtime as rt


class InklingTextConfig(InklingHybridConfig, frozen=True, kw_only=True, dict=True):
    """Inkling text decoder (hybrid conv+attention layers; sliding layers have their own KV
    geometry)."""

    SCHEMA: ClassVar[str] = "schemas/inkling_text.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"hybrid": "full", "hybrid_sliding": "sliding"})

    local_layer_ids: list[int] = msgspec.field(default_factory=list)
    """Indices of the sliding layers, when the config lists them instead of layer_types."""
    layer_types: list[str] | None = None
    """Per-layer block kind, hybrid or hybrid_sliding."""

    @rt.reads("local_layer_ids")
    def _kind(self, i: int) -> str:
        return (
            ("sliding" if i in self.local_layer_ids else "full")
            if len(self.local_layer_ids) > 0
            else "full"
            if (i + 1) % 6 == 0
            else "sliding"
        )
