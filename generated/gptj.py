# generated from schemas/gptj.yaml by `make generate`; do not edit.
# kvarch-digest: render=be10e5d52db53eb3 content=4bb73f42923b8485
"""GptjConfig: GPT-J decoder (multi-head attention, head_dim = n_embd / n_head)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class GptjConfig(Gpt2Config, kw_only=True, dict=True):
    """GPT-J decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gptj",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTJForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gptj.yaml"

    max_position_embeddings: Annotated[
        int, rt.hf("n_positions", "max_position_embeddings", ge=1)
    ] = 2048
    """Longest sequence the positional encoding covers."""
