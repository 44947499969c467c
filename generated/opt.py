# generated from schemas/opt.yaml by `make generate`; do not edit.
# kvarch-digest: render=8a5a610032101b19 content=cb36ce1523c5bf9a
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class OptConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """OPT decoder (multi-head attention, head_dim = hidden_size / heads)."""

    SCHEMA: ClassVar[str] = "schemas/opt.yaml"
