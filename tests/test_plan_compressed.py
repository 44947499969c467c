"""``kvarch plan`` on DeepSeek-V4: a compressed layer is budgeted as what it holds, its window
paged like a sliding layer's and its compressed caches kept per sequence (entries of
``max_seq_len // N`` tokens, the open window, CSA's carried window), as ``PagedCache`` holds
them, not as full attention (what ``get_kv_params``, MAX's view, still gives).

Each plan is checked against a hand computation from the config's numbers, and the tiny
model's against what ``PagedCache.from_model`` allocates on CPU for the same budget."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES

import generated
import kvarch
from kvarch.cli import main
from kvarch.dtype import DType
from kvarch.planning import plan_model

pytestmark = pytest.mark.skipif(
    "deepseek_v4" not in CONFIG_MAPPING_NAMES,
    reason="this transformers release has no DeepSeek-V4 (the pinned 5.24 has)",
)

GIB = 1 << 30


def tiny() -> Any:
    """Sliding, CSA (an entry per 4 tokens, indexer keys of 16), HCA per 8, CSA; window 8,
    K (= V on compressed layers) of 32 elements; float32."""
    from tests.oracle.variants import VARIANTS, make_config

    return make_config(next(v for v in VARIANTS if v.id == "deepseek-v4-layer-types"))


def full_size() -> dict[str, Any]:
    from transformers import AutoConfig

    return AutoConfig.for_model("deepseek_v4").to_dict()


# Tiny, float32, page 4, 64 tokens: a window of 8 needs 3 pages (12 tokens) per layer.
TINY_WINDOWS = 12 * (32 + 32) * 4 + 3 * 12 * 32 * 4  # the sliding layer's K and V; K = V
TINY_ENTRIES = 2 * (64 // 4) * (32 + 16) * 4 + (64 // 8) * 32 * 4  # CSA x 2, HCA
# open windows: N - 1 tokens' kv and gate (two series on CSA); CSA's carried N tokens' kv
# and float32 gate, for the compressor and the indexer
TINY_OPEN = 2 * (2 * 3 * 64 * 4 + 4 * 32 * 8 + 2 * 3 * 32 * 4 + 4 * 16 * 8) + 2 * 7 * 32 * 4


def test_the_tiny_plan_equals_a_hand_computation() -> None:
    report = plan_model(
        tiny().to_dict(), gpu_memory=GIB, dtype=DType.float32, page_size=4,
        max_length=64, max_batch=2, weights=0,
    )  # fmt: skip
    p = report.plan
    assert (TINY_WINDOWS, TINY_ENTRIES, TINY_OPEN) == (7680, 7168, 9472)
    assert p.cache_bytes_per_device == 2 * TINY_WINDOWS  # exactly the 2 sequences' windows
    assert p.compressed_bytes_per_sequence_per_device == TINY_ENTRIES + TINY_OPEN
    assert p.compressed_bytes_per_device == 2 * (TINY_ENTRIES + TINY_OPEN)
    # per token: the sliding layer's K and V, each compressed layer's K, and the entries'
    # bytes over their N tokens (CSA (128 + 64) / 4 twice, HCA 128 / 8)
    assert report.compressed_bytes_per_token == 2 * 48 + 16
    assert report.bytes_per_token == 64 * 4 + 3 * 32 * 4 + 2 * 48 + 16
    layout = kvarch.inspect(tiny(), dtype=DType.float32)
    assert report.bytes_per_token == layout.bytes_per_token
    assert [(g.attention, g.window, g.layers) for g in report.groups] == [
        ("sliding", 8, 1),
        ("sliding", 8, 3),
    ]
    text = report.render()
    assert "752 (752 B); window K/V 640 + compressed entries 112" in text
    assert "compressed per sequence  16640 (16.25 KiB) per device at 64 tokens" in text


@pytest.mark.parametrize(
    ("budget", "batch"),
    [(GIB, 2), (int((3 * (7168 + 9472) + 2 * 7680 + 600) / 0.9), 3)],
    ids=["batch-fits", "budget-short"],
)
def test_the_tiny_plan_is_what_paged_cache_allocates(
    budget: int, batch: int, one_thread: None
) -> None:
    """The same budget, length and batch: the blocks, the store and the sequences that fit
    at once are the runtime's (a prompt within the window: no prefill headroom)."""
    from kvarch.runtime.hf import PagedCache
    from tests.oracle.truth import build_model

    model = build_model(tiny())
    cache = PagedCache.from_model(
        model, max_batch_size=batch, max_seq_len=64, page_size=4, max_prompt_len=8,
        free_bytes=budget,
    )  # fmt: skip
    report = plan_model(
        tiny().to_dict(), gpu_memory=budget, dtype=DType.float32, page_size=4,
        max_length=64, max_batch=batch, weights=0,
    )  # fmt: skip
    p = report.plan
    store = cache.compressed
    assert store is not None
    assert p.compressed_bytes_per_device == store.nbytes
    assert p.compressed_bytes_per_sequence_per_device == store.bytes_per_sequence
    assert p.cache_bytes_per_device == cache.storage.nbytes
    assert p.blocks_per_pool == cache.plan.blocks_per_pool
    pages = [g.max_pages_per_sequence(64) for g in cache.plan.layout.groups]
    held = min(n // k for n, k in zip(cache.plan.group_blocks(), pages, strict=True))
    assert p.max_batch_at_max_len == min(store.max_seqs, held)
    assert report.concurrency_at_max_len <= store.max_seqs
    if batch == 3:  # the blocks left after 3 stores hold 2 sequences' windows, not 3
        assert p.max_batch_at_max_len == 2
        assert report.concurrency_at_max_len < 3


# Full size, bfloat16, page 128, 8,192 tokens: 43 layers, window 128 (2 pages), K = V of 512;
# 20 CSA layers (an entry of 512 + 128 per 4 tokens), 23 HCA (512 per 128).
FULL_WINDOWS = 43 * 2 * 128 * 512 * 2
FULL_ENTRIES = 20 * (8192 // 4) * (512 + 128) * 2 + 23 * (8192 // 128) * 512 * 2
FULL_OPEN = 20 * (2 * 3 * 1024 * 2 + 4 * 512 * 6 + 2 * 3 * 256 * 2 + 4 * 128 * 6) + 23 * (
    2 * 127 * 512 * 2
)


def test_the_full_size_plan_equals_a_hand_computation() -> None:
    report = plan_model(full_size(), gpu_memory=80 * GIB, page_size=128, max_length=8192, weights=0)
    p = report.plan
    assert (FULL_ENTRIES, FULL_OPEN) == (53_936_128, 6_596_608)
    assert report.bytes_per_token == 50_616  # the layers' own bytes_per_token
    assert report.compressed_bytes_per_token == 20 * (1024 + 256) // 4 + 23 * 1024 // 128
    per_seq = FULL_ENTRIES + FULL_OPEN
    assert p.compressed_bytes_per_sequence_per_device == per_seq
    budget = int(80 * GIB * 0.9)
    # no batch asked: the default 512, as 512 stores and windows fit
    assert budget // (per_seq + FULL_WINDOWS) >= 512 == p.max_batch_size
    assert p.compressed_bytes_per_device == 512 * per_seq
    block = 43 * 128 * 512 * 2
    assert p.blocks_per_pool == [(budget - 512 * per_seq) // block]
    assert p.max_batch_at_max_len == 512
    # the schema's groups (MAX's view) still budget the layers as full attention: 94,648
    # bytes per token, which fit 99 such sequences in the same budget
    arch = generated.from_hf_config(full_size(), dtype=DType.bfloat16)
    upper = arch.get_kv_params().bytes_per_token
    assert upper == 94_648
    assert budget // (upper * 8192) == 99


def full_bytes_per_sequence(length: int) -> int:
    """One full-size sequence of ``length`` (>= 256) tokens: its windows and its store."""
    entries = 20 * (length // 4) * 1280 + 23 * (length // 128) * 1024
    return FULL_WINDOWS + entries + FULL_OPEN


def test_a_shrunk_context_sizes_the_stores_at_the_shrunk_length() -> None:
    """No length asked and not even one sequence of the model's 1,048,576 tokens fits: the
    context shrinks to the longest whose windows and store fit, the store sized for it."""
    report = plan_model(full_size(), gpu_memory=4 * GIB, max_batch=1, weights=0)
    p = report.plan
    budget = int(4 * GIB * 0.9)
    length = p.max_seq_len
    assert p.shrunk_from == 1_048_576
    assert full_bytes_per_sequence(length) <= budget < full_bytes_per_sequence(length + 1)
    assert p.compressed_bytes_per_sequence_per_device == (
        full_bytes_per_sequence(length) - FULL_WINDOWS
    )
    assert p.available_bytes_per_device == budget - p.compressed_bytes_per_device


def test_json_and_tp_keep_the_store_whole_on_every_rank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window's single K = V head and the store are whole on each of 4 TP ranks."""
    path = tmp_path / "config.json"
    path.write_text(json.dumps(full_size()))
    argv = ["plan", str(path), "--gpu-memory", "80GiB", "--max-length", "8192", "--tp", "4"]
    assert main([*argv, "--weights", "1GiB", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["plan"]["compressed_bytes_per_sequence_per_device"] == FULL_ENTRIES + FULL_OPEN
    assert doc["bytes_per_token_per_device"] == 50_616
    assert (doc["bytes_per_token"], doc["compressed_bytes_per_token"]) == (4 * 50_616, 4 * 6_584)
    assert main([*argv, "--weights", "1GiB"]) == 0
    assert "window K/V 176128 + compressed entries 26336" in capsys.readouterr().out


@pytest.mark.parametrize("dtype", [DType.float32, DType.bfloat16])
@pytest.mark.parametrize("length", [1, 7, 61, 64, 300])
def test_the_budget_is_the_bytes_the_store_allocates(dtype: DType, length: int) -> None:
    """``StoreBudget`` (torch-free) against ``CompressedStore``'s tensors, at lengths that are
    and are not multiples of N."""
    import torch

    from kvarch.runtime.compressed import CompressedStore
    from kvarch.runtime.compressed_budget import compressed_caches, store_budget

    arch = generated.from_hf_config(tiny().to_dict(), dtype=dtype)
    layers = compressed_caches(arch)
    torch_dtype = {DType.float32: torch.float32, DType.bfloat16: torch.bfloat16}[dtype]
    store = CompressedStore(
        layers, max_seqs=3, max_seq_len=length, dtype=torch_dtype, device="meta"
    )
    assert store_budget(layers, dtype).bytes_per_sequence(length) == store.bytes_per_sequence


def test_the_runtime_plans_the_store_whole_on_each_of_two_tp_ranks(
    monkeypatch: pytest.MonkeyPatch, one_thread: None
) -> None:
    """The Engine's pool on a group of 2 (``_cache_devices``, the hook ``TPEngine`` fills)
    is ``kvarch plan --tp 2``'s for the same budget: the store whole on each rank, not
    split over the ranks as recurrent state is."""
    from kvarch.device import DeviceRef
    from kvarch.runtime import sizing
    from kvarch.runtime.engine import Engine
    from tests.oracle.truth import build_model

    class TwoRanks(Engine):
        def _cache_devices(self, model: Any) -> list[DeviceRef]:
            return [DeviceRef.GPU(0), DeviceRef.GPU(1)]  # as `kvarch plan` names them

    monkeypatch.setattr(sizing, "device_free_bytes", lambda devices: GIB)
    engine = TwoRanks(build_model(tiny()), max_batch_size=2, max_seq_len=64, page_size=4)
    report = plan_model(
        tiny().to_dict(), gpu_memory=GIB, tp=2, dtype=DType.float32, page_size=4,
        max_length=64, max_batch=2, weights=0,
    )  # fmt: skip
    mine, theirs = engine.plan, report.plan
    assert mine.tp_degree == theirs.tp_degree == 2
    store = engine.cache.compressed
    assert store is not None
    whole = TINY_ENTRIES + TINY_OPEN
    assert store.bytes_per_sequence == whole
    assert mine.compressed_bytes_per_sequence_per_device == whole
    assert mine.compressed_bytes_per_device == theirs.compressed_bytes_per_device == 2 * whole
    assert mine.state_bytes_per_device == theirs.state_bytes_per_device == 0
    assert mine == theirs
