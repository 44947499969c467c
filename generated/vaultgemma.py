# generated from schemas/vaultgemma.yaml by `make generate`; do not edit.
# kvarch-digest: render=dd1cc3aecccee998 content=b4303562c0989abc
from typing import ClassVar

from generated.gemma2 import Gemma2Config
from kvarch import schema_runtime as rt


class VaultGemmaConfig(Gemma2Config, frozen=True, kw_only=True, dict=True):
    """VaultGemma decoder (Gemma2 geometry; sliding-window and full layers alternate)."""

    SCHEMA: ClassVar[str] = "schemas/vaultgemma.yaml"

    num_hidden_layers: rt.Layers = 26
    num_attention_heads: rt.Heads = 8
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2304
