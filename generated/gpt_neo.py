# generated from schemas/gpt_neo.yaml by `make generate`; do not edit.
# kvarch-digest: render=3514b33df98d4d72 content=d71195281b339e02
from typing import Annotated, ClassVar

import msgspec

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class GptNeoConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """GPT-Neo decoder (global and local (window_size) layers from attention_types)."""

    SCHEMA: ClassVar[str] = "schemas/gpt_neo.yaml"
    KIND_LIST: ClassVar[str | None] = "attention_layers"

    num_hidden_layers: Annotated[int, rt.hf("num_layers", "num_hidden_layers", ge=1)]
    num_attention_heads: Annotated[int, rt.hf("num_heads", "num_attention_heads", ge=1)]
    hidden_size: rt.Positive
    max_position_embeddings: rt.Positive = 2048
    window_size: rt.Positive = 256
    """Tokens a local layer sees."""
    attention_layers: list[str] | None = None
    """Per-layer 'global' / 'local' (saved configs list it)."""
    pattern: Annotated[list[str], rt.hf("attention_types.0.0")] = msgspec.field(
        default_factory=lambda: ["global", "local"]
    )
    """The repeated layer pattern of attention_types (first group)."""
    repeat: Annotated[int, rt.hf("attention_types.0.1", ge=1)] = 12
    """How often attention_types repeats its pattern."""
    second_group: Annotated[list[str], rt.hf("attention_types.1.0")] | None = None
    """A second attention_types group (only with attention_layers)."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield (
            "second_group",
            ("one [pattern, repeat] group in attention_types (or list attention_layers)"),
            self.attention_layers is not None or self.second_group is None,
        )
        yield (
            "repeat",
            "len(pattern) * repeat == num_layers",
            self.attention_layers is not None
            or len(self.pattern) * self.repeat == self.num_hidden_layers,
        )

    @rt.reads("pattern")
    def _kind(self, i: int) -> str:
        return (
            "sliding"
            if self.pattern[i % len(self.pattern)] == "local"
            else "full"
            if self.pattern[i % len(self.pattern)] == "global"
            else self.pattern[i % len(self.pattern)]
        )

    _window = rt.from_input("window_size")
