# generated from schemas/bloom.yaml by `make generate`; do not edit.
# kvarch-digest: render=c6570a39592929a2 content=e1c106c5e9544345
from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class BloomConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """BLOOM decoder (multi-head attention, ALiBi; length bound 2048 unless seq_length says)."""

    SCHEMA: ClassVar[str] = "schemas/bloom.yaml"

    hidden_size: Annotated[int, rt.hf("n_embed", "hidden_size", ge=1)]
    max_position_embeddings: Annotated[
        int, rt.hf("seq_length", "max_position_embeddings", "n_positions", ge=1)
    ] = 2048
    """Longest sequence (seq_length when the config has it; ALiBi has no table)."""
