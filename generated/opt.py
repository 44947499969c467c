# generated from schemas/opt.yaml by `make generate`; do not edit.
# kvarch-digest: render=5cd4497a360d493d content=73ba502d13637b45
"""OptConfig: OPT decoder (multi-head attention, head_dim = hidden_size / heads)."""

from __future__ import annotations

from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class OptConfig(GptNeoxConfig, kw_only=True, dict=True):
    """OPT decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("opt",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OPTForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/opt.yaml"
