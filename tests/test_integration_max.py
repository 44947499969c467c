"""kvarch inside MAX 26.7: MAX-shaped params compared with MAX's own architecture configs.

Every published-checkpoint fixture MAX serves goes through MAX's own resolution, offline
(``PipelineConfig.from_args`` on a folder holding the config.json and a one-tensor
safetensors file; ``find_architecture``; ``initialize(..., max_seq_len=...)``) and through
kvarch's adapter with the same inputs. Both are checked against what transformers caches.
Importing MAX changes the process for good: it registers its own HF config classes with
transformers (``llama4_text`` among them) and sets ``PYTHONEXECUTABLE``/``PYTHONPATH`` in the C
environment, so a child Python started the usual way loses the venv. These tests therefore
run in their own process, ``make test-max`` (``KVARCH_MAX_TESTS=1``), which CI runs after
``make test``; transformers' truth comes from a child process given a clean environment.
"""

from __future__ import annotations

import collections
import dataclasses
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if os.environ.get("KVARCH_MAX_TESTS") != "1":
    pytest.skip("MAX's tests run in their own process: make test-max", allow_module_level=True)

import torch
from max.driver import DeviceSpec
from max.dtype import DType as MaxDType
from max.graph import DeviceRef as MaxDeviceRef
from max.nn.kv_cache import MHAKVCacheParams, MLAKVCacheParams, MultiKVCacheParams
from max.pipelines.architectures.llama3.model_config import Llama3Config
from max.pipelines.architectures.llama4.model_config import Llama4Config
from max.pipelines.architectures.mistral.model_config import MistralConfig
from max.pipelines.kv_cache import KVCacheConfig as MaxKVCacheConfig
from max.pipelines.lib.arch_lookup import ARCH_LOOKUP, find_architecture
from max.pipelines.lib.config import PipelineConfig as MaxPipelineConfig
from max.pipelines.lib.pipeline_args import PipelineArgs
from safetensors.torch import save_file

import generated
from kvarch import (
    ArchConfigWithAttentionKVCache,
    ConfigError,
    DeviceRef,
    DType,
    KVCacheConfig,
    KVCacheGroup,
    KVCacheParams,
    KVCacheQuantizationConfig,
)
from kvarch import MultiKVCacheParams as KvarchMulti
from kvarch import inspect as kvarch_inspect
from kvarch.integrations.max import (
    KvarchKVCache,
    kvarch_device,
    kvarch_dtype,
    max_device,
    max_dtype,
    to_max_params,
)
from tests.max_fixtures import Layers, all_fixtures, fixture

#: Fixtures MAX 26.7 serves where its params equal kvarch's (and transformers').
MAX_MATCHES = [
    "deepseek-coder-v2-lite-instruct",
    "deepseek-r1",
    "deepseek-v2-lite",
    "deepseek-v2.5",
    "deepseek-v3",
    "deepseek-v3.2-exp",  # MLA + the DSA indexer's keys (MAX's `indexer` child)
    "falcon3-7b-base",
    "gemma-3-12b-it",
    "gemma-3-1b-it",
    "gemma-3-270m",
    "gemma-3-27b-it",
    "gemma-3-4b-it",
    "glm-5.3",  # MLA + DSA indexer keys on 21 of 78 layers
    "gpt-oss-120b",
    "gpt-oss-20b",
    "granite-3.1-8b-instruct",
    "iquest-coder-v1-40b-instruct",  # LlamaForCausalLM
    "kimi-k2-instruct",
    "llama-2-7b",
    "llama-3-8b",
    "llama-3.1-8b-instruct",
    "llama-3.2-1b",
    "llama-3.3-70b-instruct",
    "minimax-m2",
    "mistral-7b-v0.3",  # no window since v0.2: MAX's Mistral is right here
    "mistral-large-instruct-2407",
    "mistral-nemo-base-2407",
    "mistral-small-24b-base-2501",
    "nemotron-h-8b-base-8k",  # attention blocks only; MAX also turns prefix caching off
    "nvidia-nemotron-nano-9b-v2",
    "olmo-2-1124-7b",
    "olmo-7b-hf",
    "phi-4",  # sliding_window null
    "qwen2-7b",
    "qwen2.5-0.5b",
    "qwen2.5-72b-instruct",
    "qwen2.5-7b",
    "qwen3-0.6b",
    "qwen3-235b-a22b",
    "qwen3-30b-a3b",
    "qwen3-8b",
    "qwq-32b",
    "smollm2-1.7b",
    "yi-34b",
]
#: Weight encodings MAX requires other than bfloat16 (it serves these two in fp8 only).
ENCODING = {
    "deepseek-v3.2-exp": "float8_e4m3fn",
    "deepseek-v4-flash-base": "float8_e4m3fn",
    "minimax-m2": "float8_e4m3fn",
}
#: Fixtures where MAX drops the window: transformers' windows, which kvarch keeps.
MAX_DROPS_WINDOW = {
    "mistral-7b-v0.1": {(4096, 8, 128): 32},
    "phi-3-mini-4k-instruct": {(2047, 32, 96): 32},
    "phi-3-medium-4k-instruct": {(2047, 10, 128): 40},
    "llama-4-scout-17b-16e-text": {(8192, 8, 128): 36, (None, 8, 128): 12},
    # 3 sliding (512) layers per full one; MAX's Laguna config caches all 40 in full
    "laguna-xs-2.1": {(512, 8, 128): 30, (None, 8, 128): 10},
}
#: Fixtures where MAX caches K/V on every layer: LFM2's short-convolution layers keep none in
#: transformers (and kvarch), only its 6 attention layers of 16 do.
MAX_CACHES_EVERY_LAYER = {"lfm2-350m": 16, "lfm2-700m": 16, "lfm2-1.2b": 16}
#: Fixtures MAX serves with a recurrent-state leaf beside the K/V (its Qwen3.5 graph): kvarch's
#: MAX params hold the K/V; the DeltaNet state kvarch plans per sequence, as transformers keeps it.
MAX_STATE_LEAF = ["qwen3.5-9b-text"]
#: Fixtures MAX finds an architecture for but cannot configure, with the error it raises.
MAX_REFUSES = {
    # transformers 5 keeps Olmo 3's RoPE per layer type ({"sliding_attention": {...},
    # "full_attention": {...}}); MAX's Olmo3Config looks for one flat rope_type
    "olmo-3-1025-7b": "Neither 'type' nor 'rope_type' found in rope_scaling",
    # transformers defaults `route_norm` (the quoted config leaves it out); MAX's Hy3 config
    # requires it
    "hy3": "missing required field 'route_norm'",
    # a `sarvam_mla` config named DeepseekV3ForCausalLM: MAX's DeepSeek-V3 config reads
    # `moe_layer_freq`, which transformers' SarvamMLAConfig does not have
    "sarvam-105b": "has no attribute 'moe_layer_freq'",
}
#: Fixtures neither MAX nor kvarch's MAX params configure: (MAX's error, kvarch's error).
NEITHER_CONFIGURES = {
    # MAX serves DeepSeek-V4 in fp8 only, and its config reads `dspark_target_layer_ids` (its
    # own speculative-decoding field), which transformers' DeepseekV4Config does not have;
    # kvarch's MAX view carries compressed entries as per-token indexer columns, one width per
    # model, and Flash's CSA (160) and HCA (4) layers differ (kvarch plans and runs them)
    "deepseek-v4-flash-base": (
        "has no attribute 'dspark_target_layer_ids'",
        "expected one indexer width in every layer (160) for MAX",
    ),
}


@pytest.fixture(autouse=True)
def quiet_max() -> Iterator[None]:
    logging.disable(logging.WARNING)  # MAX warns about CPU hosts and missing tokenizers
    yield
    logging.disable(logging.NOTSET)


def max_pipeline(name: str, tmp_path: Path) -> MaxPipelineConfig:
    """MAX's pipeline config for a fixture, built offline as ``max serve`` would."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps(fixture(name)))
    encoding = ENCODING.get(name, "bfloat16")
    weights = torch.zeros(1, dtype=getattr(torch, encoding))  # MAX picks the encoding by them
    save_file({"x": weights}, str(folder / "model.safetensors"))
    args = PipelineArgs(
        model_path=str(folder),
        device_specs=[DeviceSpec.accelerator(0)],
        quantization_encoding=encoding,
    )
    return MaxPipelineConfig.from_args(args)


def max_own(name: str, pc: MaxPipelineConfig) -> Any:
    arch = find_architecture(fixture(name)["architectures"][0])
    assert arch is not None
    return arch.config.initialize(pc, max_seq_len=pc.model.max_length).get_kv_params()


def kvarch_for_max(pc: MaxPipelineConfig) -> Any:
    hf = pc.model.huggingface_config
    return KvarchKVCache.construct_kv_params(
        hf, pc, [MaxDeviceRef.GPU(0)], pc.model.kv_cache, MaxDType.bfloat16
    )


def describe(params: Any) -> dict[str, tuple[Any, ...]]:
    """Every field a MAX cache leaf is sized and dispatched by, per child name."""
    leaves = params.children if isinstance(params, MultiKVCacheParams) else {"": params}
    return {
        name: (
            type(p).__name__,
            getattr(p, "n_kv_heads", None),
            getattr(p, "num_q_heads", None),
            p.head_dim,
            p.num_layers,
            p.window_size,
            p.dtype,
            p.page_size,
            p.enable_prefix_caching,
            list(p.devices),
            p.data_parallel_degree,
            p.bytes_per_block,
        )
        for name, p in leaves.items()
    }


def max_layers(params: Any) -> Layers:
    """Layers per (window, KV heads, head dim) in MAX params."""
    leaves = params.children.values() if isinstance(params, MultiKVCacheParams) else [params]
    out: collections.Counter[tuple[int | None, int, int]] = collections.Counter()
    for p in leaves:
        heads = 1 if isinstance(p, MLAKVCacheParams) else p.n_kv_heads
        out[(p.window_size, heads, p.head_dim)] += p.num_layers
    return dict(out)


@pytest.fixture(scope="module")
def truth() -> dict[str, Layers]:
    """transformers' cache of every served fixture, from a process MAX never touched."""
    names = MAX_MATCHES + sorted(MAX_DROPS_WINDOW) + sorted(MAX_REFUSES)
    names += sorted(MAX_CACHES_EVERY_LAYER) + MAX_STATE_LEAF
    done = subprocess.run(
        [sys.executable, "-m", "tests.max_fixtures", *names],
        cwd=Path(__file__).parents[1],
        env=dict(os.environ),  # os.environ: without what MAX's runtime set natively
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout)
    return {n: {(w, h, d): c for w, h, d, c in rows} for n, rows in found.items()}


def no_windows(layers: Layers) -> Layers:
    out: collections.Counter[tuple[int | None, int, int]] = collections.Counter()
    for (_, heads, dim), n in layers.items():
        out[(None, heads, dim)] += n
    return dict(out)


def test_the_fixtures_max_serves() -> None:
    served = [n for n in all_fixtures() if find_architecture(_arch(n)) is not None]
    assert served == sorted(
        MAX_MATCHES
        + list(MAX_DROPS_WINDOW)
        + list(MAX_REFUSES)
        + list(MAX_CACHES_EVERY_LAYER)
        + MAX_STATE_LEAF
        + list(NEITHER_CONFIGURES)
    )


@pytest.mark.parametrize("name", sorted(NEITHER_CONFIGURES))
def test_both_refuse_with_typed_errors(name: str, tmp_path: Path) -> None:
    """Where neither side can express a model in MAX's params, each says why (no half-built
    params)."""
    theirs, ours = NEITHER_CONFIGURES[name]
    pc = max_pipeline(name, tmp_path)
    with pytest.raises(AttributeError, match=re.escape(theirs)):
        max_own(name, pc)
    with pytest.raises(ConfigError, match=re.escape(ours)):
        kvarch_for_max(pc)


def _arch(name: str) -> str | None:
    archs = fixture(name).get("architectures")
    return archs[0] if archs else None


@pytest.mark.parametrize("name", MAX_MATCHES)
def test_kvarch_equals_max_where_max_is_right(
    name: str, tmp_path: Path, truth: dict[str, Layers]
) -> None:
    pc = max_pipeline(name, tmp_path)
    ours = kvarch_for_max(pc)
    assert describe(ours) == describe(max_own(name, pc))
    assert max_layers(ours) == truth[name]
    hf = pc.model.huggingface_config
    assert KvarchKVCache.calculate_max_seq_len(hf, pc.model) == pc.model.max_length


@pytest.mark.parametrize("name", sorted(MAX_DROPS_WINDOW))
def test_kvarch_keeps_the_windows_max_drops(
    name: str, tmp_path: Path, truth: dict[str, Layers]
) -> None:
    pc = max_pipeline(name, tmp_path)
    assert truth[name] == MAX_DROPS_WINDOW[name]
    ours, theirs = kvarch_for_max(pc), max_own(name, pc)
    assert max_layers(ours) == truth[name]
    assert max_layers(theirs) != truth[name]
    assert max_layers(theirs) == no_windows(truth[name])  # MAX's only error: the window
    assert {p.window_size for p in _leaves(theirs)} == {None}


@pytest.mark.parametrize("name", sorted(MAX_CACHES_EVERY_LAYER))
def test_kvarch_caches_only_the_layers_that_keep_kv(
    name: str, tmp_path: Path, truth: dict[str, Layers]
) -> None:
    pc = max_pipeline(name, tmp_path)
    ours, theirs = kvarch_for_max(pc), max_own(name, pc)
    assert max_layers(ours) == truth[name]
    ((geometry, cached),) = truth[name].items()  # one kind of layer: (window, heads, dim)
    assert max_layers(theirs) == {geometry: MAX_CACHES_EVERY_LAYER[name]}
    assert cached < MAX_CACHES_EVERY_LAYER[name]  # 6 of 16: MAX sizes 2.7x the cache


@pytest.mark.parametrize("name", MAX_STATE_LEAF)
def test_max_keeps_recurrent_state_beside_the_kv(
    name: str, tmp_path: Path, truth: dict[str, Layers]
) -> None:
    pc = max_pipeline(name, tmp_path)
    ours, theirs = kvarch_for_max(pc), max_own(name, pc)
    assert max_layers(ours) == truth[name]
    assert isinstance(theirs, MultiKVCacheParams)
    assert sorted(theirs.children) == ["attn", "state"]
    attn, state = theirs.children["attn"], theirs.children["state"]
    # The same K/V leaf, field by field, but for the page size (and so the bytes per block)
    # MAX's Qwen3.5 sets itself: 256 tokens, where kvarch keeps the pipeline's
    (mine,), (max_attn,) = describe(ours).values(), describe(attn).values()
    page, block_bytes = 7, 11
    assert (max_attn[page], mine[page]) == (256, pc.model.kv_cache.kv_cache_page_size)
    same = [i for i in range(len(mine)) if i not in (page, block_bytes)]
    assert [mine[i] for i in same] == [max_attn[i] for i in same]
    # The state: the same layers and recurrent shape as transformers' (kvarch's layout); MAX
    # keeps one conv column fewer (the last d_conv - 1 inputs) and all of it in bf16, where
    # transformers keeps the recurrent state in float32
    stateful = [layer.state for layer in kvarch_inspect(fixture(name)).layers if layer.state]
    assert all(layer == stateful[0] for layer in stateful)
    conv, recurrent = (next(s for s in stateful[0] if s.name == n) for n in ("conv", "recurrent"))
    assert (conv.dtype, recurrent.dtype) == (None, DType.float32)
    width, kernel = conv.shape
    assert {r.leaf_id: (r.num_layers, r.row_shape, r.dtype) for r in state.regions} == {
        "linear_attn/conv": (len(stateful), (width, kernel - 1), MaxDType.bfloat16),
        "linear_attn/recurrent": (len(stateful), recurrent.shape, MaxDType.bfloat16),
    }


@pytest.mark.parametrize("name", sorted(MAX_REFUSES))
def test_kvarch_configures_what_max_refuses(
    name: str, tmp_path: Path, truth: dict[str, Layers]
) -> None:
    pc = max_pipeline(name, tmp_path)
    with pytest.raises((ValueError, AttributeError), match=re.escape(MAX_REFUSES[name])):
        max_own(name, pc)
    assert max_layers(kvarch_for_max(pc)) == truth[name]


def _leaves(params: Any) -> list[Any]:
    return list(params.children.values()) if isinstance(params, MultiKVCacheParams) else [params]


def test_llama4_chunked_layers_hold_a_chunk_not_the_context(tmp_path: Path) -> None:
    pc = max_pipeline("llama-4-scout-17b-16e-text", tmp_path)
    ours = kvarch_for_max(pc)
    assert isinstance(ours, MultiKVCacheParams)
    assert list(ours.children) == ["chunked_attention", "full_attention"]
    chunked, full = ours.children["chunked_attention"], ours.children["full_attention"]
    assert (chunked.num_layers, chunked.window_size, full.num_layers) == (36, 8192, 12)
    # MAX's block manager keeps ceil((window - 1) / page) committed blocks of a windowed
    # group (plus the one being filled): kvarch's pages_per_sequence, 65, for 8192 / 128
    assert chunked.group_id.blocks_in_window(chunked.page_size) == 64


# --- the adapter inside MAX's own configs ----------------------------------------------------


@dataclasses.dataclass(kw_only=True)
class KvarchMistralConfig(KvarchKVCache, MistralConfig):
    """MAX's Mistral with kvarch's cache (its sliding window)."""


@dataclasses.dataclass(kw_only=True)
class KvarchLlama3Config(KvarchKVCache, Llama3Config):
    """MAX's Llama-3 config (which also serves Phi-3) with kvarch's cache."""


@dataclasses.dataclass(kw_only=True)
class KvarchLlama4Config(KvarchKVCache, Llama4Config):
    """MAX's Llama-4 with kvarch's cache (chunked and full children)."""


ADAPTED = {
    "mistral-7b-v0.1": KvarchMistralConfig,
    "phi-3-mini-4k-instruct": KvarchLlama3Config,
    "llama-4-scout-17b-16e-text": KvarchLlama4Config,
}


@pytest.fixture
def registered() -> Iterator[None]:
    """MAX's architectures for the three families, their config replaced by the adapter."""
    originals = []
    for name, config in ADAPTED.items():
        arch = find_architecture(_arch(name))
        assert arch is not None
        originals.append(arch)
        ARCH_LOOKUP.register(dataclasses.replace(arch, config=config), allow_override=True)
    yield
    for arch in originals:
        ARCH_LOOKUP.register(arch, allow_override=True)


@pytest.mark.parametrize("name", sorted(ADAPTED))
def test_pipeline_built_through_the_adapter_carries_the_windows(
    name: str, tmp_path: Path, registered: None
) -> None:
    pc = max_pipeline(name, tmp_path)  # MAX calls the adapter's calculate_max_seq_len here
    arch = find_architecture(_arch(name))
    assert arch is not None and arch.config is ADAPTED[name]
    config = arch.config.initialize(pc, max_seq_len=pc.model.max_length)
    assert config.get_max_seq_len() == pc.model.max_length
    assert max_layers(config.get_kv_params()) == MAX_DROPS_WINDOW[name]
    if name != "llama-4-scout-17b-16e-text":  # one leaf: MAX's Mistral/Llama3 code reads one
        assert isinstance(config.get_kv_params(), MHAKVCacheParams)


def test_adapter_bounds_the_users_max_length(tmp_path: Path, registered: None) -> None:
    pc = max_pipeline("mistral-7b-v0.1", tmp_path)
    model = pc.model.model_copy(update={"max_length": 40000})
    with pytest.raises(ConfigError, match=r"MistralConfig\.max_length: got 40000"):
        KvarchMistralConfig.calculate_max_seq_len(pc.model.huggingface_config, model)


def test_adapter_follows_max_on_head_replication(tmp_path: Path) -> None:
    pc = max_pipeline("llama-3-8b", tmp_path)
    hf, kv = pc.model.huggingface_config, pc.model.kv_cache
    devices = [MaxDeviceRef.GPU(i) for i in range(16)]
    with pytest.raises(ValueError, match=r"Number of KV heads \(8\) must be divisible"):
        KvarchKVCache.construct_kv_params(hf, pc, devices, kv, MaxDType.bfloat16)
    params = KvarchKVCache.construct_kv_params(
        hf, pc, devices, kv, MaxDType.bfloat16, allow_kv_head_replication=True
    )
    assert params.n_kv_heads_per_device == 1


# --- to_max_params on its own ---------------------------------------------------------------


def test_default_kv_cache_config_is_kvarchs_own() -> None:
    kv = KVCacheConfig(kv_cache_page_size=256, enable_prefix_caching=False)
    arch = generated.from_hf_config(
        fixture("llama-3-8b"), dtype=DType.bfloat16, devices=[DeviceRef.GPU(0)], kv_cache=kv
    )
    params = to_max_params(arch)
    assert (params.page_size, params.enable_prefix_caching) == (256, False)
    explicit = to_max_params(arch, MaxKVCacheConfig(kv_cache_page_size=128))
    assert explicit.page_size == 128


def test_fp8_scales_travel_as_max_quantization_config() -> None:
    quant = KVCacheQuantizationConfig(quantization_granularity=64)
    kv = KVCacheConfig(kv_cache_format=DType.float8_e4m3fn, kv_cache_quantization=quant)
    arch = generated.from_hf_config(
        fixture("llama-3-8b"),
        dtype=DType.bfloat16,
        cache_dtype=DType.float8_e4m3fn,
        devices=[DeviceRef.GPU(0)],
        kv_cache=kv,
    )
    params = to_max_params(arch)
    assert params.dtype is MaxDType.float8_e4m3fn
    assert params.kvcache_quant_config.quantization_granularity == 64
    assert params.kvcache_quant_config.scale_dtype is MaxDType.float32


class LatentWithoutQueryHeads(ArchConfigWithAttentionKVCache, kw_only=True):
    """An MLA cache from a config that does not name its query heads."""

    num_key_value_heads: int = 1
    head_dim: int = 576
    num_layers: int = 4
    model_max_seq_len: int = 4096

    def build_kv_params(self) -> KVCacheParams | KvarchMulti:
        return self.kv_params_for(n_kv_heads=1, head_dim=576, num_layers=4, is_mla=True)


def test_mla_needs_query_heads() -> None:
    arch = generated.from_hf_config(fixture("deepseek-v3"), devices=[DeviceRef.GPU(0)])
    assert to_max_params(arch).num_q_heads == 128  # the config's num_attention_heads
    assert to_max_params(arch, num_q_heads=64).num_q_heads == 64
    bare = LatentWithoutQueryHeads(dtype=DType.bfloat16, devices=[DeviceRef.GPU(0)])
    with pytest.raises(ConfigError, match="LatentWithoutQueryHeads.num_q_heads: got None"):
        to_max_params(bare)
    assert to_max_params(bare, num_q_heads=16).head_dim == 576


class TwoFullGeometries(ArchConfigWithAttentionKVCache, kw_only=True):
    """Full-attention layers in two geometries (per-layer KV heads), as a schema can give."""

    num_key_value_heads: int = 8
    head_dim: int = 128
    num_layers: int = 4
    model_max_seq_len: int = 4096

    def build_kv_params(self) -> KVCacheParams | KvarchMulti:
        return KvarchMulti(
            groups=[
                KVCacheGroup(
                    params=self.kv_params_for(n_kv_heads=h, head_dim=128, num_layers=2),
                    layer_indices=idx,
                )
                for h, idx in ((8, [0, 1]), (2, [2, 3]))
            ]
        )


def test_two_groups_of_one_kind_get_distinct_names() -> None:
    arch = TwoFullGeometries(dtype=DType.bfloat16, devices=[DeviceRef.GPU(0)])
    params = to_max_params(arch)
    assert list(params.children) == ["full_attention", "full_attention_1"]
    assert [c.n_kv_heads for c in params.children.values()] == [8, 2]


def test_dtype_and_device_round_trip() -> None:
    for d in (DType.bfloat16, DType.float8_e4m3fn, DType.float32):
        assert kvarch_dtype(max_dtype(d)) is d
    for dev in (DeviceRef.GPU(3), DeviceRef.CPU(0)):
        assert kvarch_device(max_device(dev)) == dev
    with pytest.raises(ConfigError, match="max_dtype.dtype: got 'int4'"):
        max_dtype(DType.int4)


def test_missing_max_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "kvarch.integrations.max")
    monkeypatch.setitem(sys.modules, "max.dtype", None)
    with pytest.raises(ImportError, match=r"pip install 'kvarch\[max\]'") as info:
        import kvarch.integrations.max  # noqa: F401
    assert "'max.dtype' is missing" in str(info.value)


def test_kvarch_configs_satisfy_maxs_protocols() -> None:
    from max.pipelines.lib.interfaces.arch_config import ArchConfig, ArchConfigWithKVCache

    arch = generated.from_hf_config(fixture("mistral-7b-v0.1"), devices=[DeviceRef.GPU(0)])
    assert isinstance(arch, ArchConfig)
    assert isinstance(arch, ArchConfigWithKVCache)


def test_layers_that_index_and_layers_that_share_make_one_mla_child() -> None:
    # GLM-5's schedule: layers 0 and 2 run the indexer, 1 and 3 reuse its top-k (no keys)
    hf = {"model_type": "glm_moe_dsa", "num_hidden_layers": 4, "index_topk_pattern": "FSFS"}
    arch = generated.from_hf_config(hf, dtype=DType.bfloat16, devices=[DeviceRef.GPU(0)])
    assert [g.layer_indices for g in arch.get_kv_params().groups] == [[0, 2], [1, 3]]
    params = to_max_params(arch)
    assert list(params.children) == ["mla", "indexer"]
    mla, indexer = params.children["mla"], params.children["indexer"]
    assert (mla.num_layers, mla.head_dim, mla.dtype) == (4, 576, MaxDType.bfloat16)
    assert (indexer.num_layers, indexer.head_dim) == (2, 128)
    assert indexer.dtype == MaxDType.float8_e4m3fn
    assert indexer.kvcache_quant_config.scale_dtype == MaxDType.float32
