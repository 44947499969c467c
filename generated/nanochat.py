# generated from schemas/nanochat.yaml by `make generate`; do not edit.
# kvarch-digest: render=81782c8b96a7af6c content=d81aebaa504197c4
"""NanoChatConfig: NanoChat decoder (Llama geometry, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NanoChatConfig(LlamaConfig, kw_only=True, dict=True):
    """NanoChat decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nanochat",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NanoChatForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/nanochat.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        12
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 6
    """Query heads."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 768
    """Model width."""
