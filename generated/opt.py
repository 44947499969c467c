# generated from schemas/opt.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=c16567ae3c154013 content=6e612a2b5f1c16ae
"""OptConfig: OPT decoder (multi-head attention, head_dim = hidden_size / heads)."""

from __future__ import annotations

from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class OptConfig(GptNeoxConfig, kw_only=True, dict=True):
    """OPT decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("opt",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OPTForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/opt.yaml"
