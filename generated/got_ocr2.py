# generated from schemas/got_ocr2.yaml by `make generate`; do not edit.
# kvarch-digest: render=284e370bee0ab3ec content=1af175f255d5285c
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


# extends qwen3, but widens a type its class narrows: based on LlamaConfig instead
class GotOcr2Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """GOT-OCR2 (Qwen2 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("got_ocr2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GotOcr2ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/got_ocr2.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 16
    """KV heads (absent -> GOT's text default 16; null -> one per query head)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 32768
    use_sliding_window: bool = False
    """Whether layers from max_window_layers on use the sliding window."""
    sliding_window: Annotated[int, rt.hf(ge=1)] = 4096
    """Tokens a sliding layer sees."""
    max_window_layers: Annotated[int, rt.hf(ge=0)] = 21
    """First layer index that uses the sliding window."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("use_sliding_window", "sliding_window", "max_window_layers")
    def _kind(self, i: int) -> str:
        return (
            "sliding"
            if self.use_sliding_window
            and self.sliding_window is not None
            and (i >= self.max_window_layers)
            else "full"
        )

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
