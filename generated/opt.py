# generated from schemas/opt.yaml by `make generate`; do not edit.
# kvarch-digest: render=d675b7c57906f459 content=cce71e3e99376e65
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class OptConfig(GptNeoxConfig, kw_only=True, dict=True):
    """OPT decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("opt",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OPTForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/opt.yaml"
