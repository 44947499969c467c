"""The issue's three starved-window cases against a hand computation over the runtime's own
memory layout: the cache tensors ``PagedKVCache`` allocates (on the meta device) and the blocks
``BlockManager`` really holds for a sequence as it grows, not the planner's formula."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kvarch.cli import main
from kvarch.dtype import DType
from kvarch.kv_cache import KVCacheParams, MultiKVCacheParams
from kvarch.weights import config_weight_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "configs"
GIB = 1 << 30

# google/gemma-3-27b-it's published config.json (decoder fields; the SigLIP tower as in 4b).
GEMMA3_27B: dict[str, Any] = {
    "architectures": ["Gemma3ForConditionalGeneration"],
    "model_type": "gemma3",
    "torch_dtype": "bfloat16",
    "text_config": {
        "model_type": "gemma3_text", "head_dim": 128, "hidden_size": 5376,
        "intermediate_size": 21504, "num_attention_heads": 32, "num_hidden_layers": 62,
        "num_key_value_heads": 16, "query_pre_attn_scalar": 168, "sliding_window": 1024,
        "rope_scaling": {"factor": 8.0, "rope_type": "linear"},
    },
    "vision_config": {
        "model_type": "siglip_vision_model", "hidden_size": 1152, "image_size": 896,
        "intermediate_size": 4304, "num_attention_heads": 16, "num_hidden_layers": 27,
        "patch_size": 14, "vision_use_head": False,
    },
}  # fmt: skip


def hand_max_len(
    params: KVCacheParams | MultiKVCacheParams, budget: int, batch: int, max_len: int
) -> int:
    """Longest length (whole pages) at which ``batch`` sequences fit ``budget`` bytes on one
    device, read off the runtime: bytes per block from the tensors it allocates, blocks per
    sequence from a block manager growing one sequence page by page."""
    from kvarch.runtime.blocks import BlockManager
    from kvarch.runtime.layout import cache_layout
    from kvarch.runtime.tensors import PagedKVCache

    layout = cache_layout(params)
    assert layout.num_pools == 1  # the cases share one pool: no split to choose
    groups = layout.groups

    def cache(blocks: int) -> PagedKVCache:
        return PagedKVCache(
            groups, [blocks] * len(groups), device="meta", pool_of=layout.pool_of_group,
            source_of=layout.source_of_group,
        )  # fmt: skip

    per_block = cache(1).nbytes
    blocks = budget // per_block
    page = groups[0].params.page_size
    pages = -(-max_len // page)
    manager = BlockManager.for_cache(
        cache(pages * len(groups)), max_seqs=1, max_seq_len=pages * page
    )
    manager.add(0, [0] * page)
    held = [0]  # held[k]: blocks one sequence of k pages holds
    for k in range(1, pages + 1):
        held.append(pages * len(groups) - manager.num_free_blocks(0))
        if k < pages:
            manager.append(0, page)
    fits = [k for k in range(1, pages + 1) if held[k] * batch <= blocks]
    return max(fits, default=0) * page


CASES = [
    ("gemma-2-9b", ["--dtype", "bfloat16", "--gpu-memory", "80GiB", "--max-length", "8192",
                    "--max-batch", "64"], 1, 64, 8192),
    ("gemma-3-27b", ["--gpu-memory", "80GiB", "--max-length", "131072", "--max-batch", "8"],
     1, 8, 131072),
    ("llama-4-scout-17b-16e-text", ["--dtype", "bfloat16", "--gpu-memory", "80GiB", "--tp", "4",
                                    "--max-length", "1000000", "--max-batch", "4"], 4, 4,
     1000000),
]  # fmt: skip


@pytest.mark.parametrize(("name", "flags", "tp", "batch", "length"), CASES, ids=lambda c: c)
def test_plan_reaches_the_hand_computed_length(
    name: str,
    flags: list[str],
    tp: int,
    batch: int,
    length: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import generated
    from kvarch.device import DeviceRef

    if name == "gemma-3-27b":
        config = GEMMA3_27B
    else:
        config = json.loads((FIXTURES / f"{name}.json").read_text())
    path = tmp_path / "config.json"
    path.write_text(json.dumps(config))
    assert main(["plan", str(path), *flags, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    got = report["plan"]["max_len_at_max_batch"]
    dtype = DType.bfloat16
    arch = generated.from_hf_config(
        config, dtype=dtype, devices=[DeviceRef.GPU(i) for i in range(tp)],
        user_provided_max_length=length,
    )  # fmt: skip
    weights = config_weight_bytes(config, dtype).bytes
    assert report["weights"]["bytes"] == weights
    budget = int(80 * GIB * 0.9) - -(-weights // tp)
    hand = hand_max_len(arch.get_kv_params(), budget, batch, length)
    assert hand > 0 and got >= 0.95 * hand, (got, hand)
    assert got <= hand + 128  # and no more than the memory holds
