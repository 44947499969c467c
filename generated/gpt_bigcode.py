# generated from schemas/gpt_bigcode.yaml by `make generate`; do not edit.
# kvarch-digest: render=bbdc753f258c2de3 content=507da2458b1faa92
from typing import ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class GptBigcodeConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """GPT-BigCode decoder (multi_query -> one K/V head; else multi-head)."""

    SCHEMA: ClassVar[str] = "schemas/gpt_bigcode.yaml"

    multi_query: bool = True
    """Whether all query heads share one K/V head."""

    @property
    def kv_heads(self) -> int:
        """KV heads per layer (1 under multi_query)."""
        return 1 if self.multi_query else self.num_attention_heads

    _num_kv_heads = rt.from_derived("kv_heads", "multi_query", "num_attention_heads")
