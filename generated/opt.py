# generated from schemas/opt.yaml by `make generate`; do not edit.
# kvarch-digest: render=1f6f1ba61e3d550a content=610727cb98bace7f
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class OptConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """OPT decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("opt",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OPTForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/opt.yaml"
