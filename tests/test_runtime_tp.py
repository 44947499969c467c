"""The tensor-parallel engine on two gloo ranks: greedy tokens equal the one-rank engine's (GQA
heads split, and one KV head replicated), the ranks agree on sampled tokens and on preemptions,
disagreeing requests are refused, and a killed or stalled rank gives the survivor a
``CollectiveError`` within a bounded time, with its pages freed."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from kvarch.runtime.errors import ShardingError
from kvarch.runtime.tp import RowParallelLinear, TPGroup, shard_model
from kvarch.runtime.tp_demo import build
from tests.reliability.ranks import reports, run_pair
from tests.reliability.tp_engine import KILL_AFTER_S, TIMEOUT_S, rank_main

#: Spawning two torch processes and building engines takes a while on a loaded 2-core box.
DEADLINE_S = 60.0


def _by_tag(got: list[list[Any]]) -> dict[str, list[Any]]:
    return {r[0]: r[1:] for r in got}


def test_tp2_tokens_equal_tp1_and_the_ranks_agree(tmp_path: Any) -> None:
    got, after = run_pair(str(tmp_path), "equal", DEADLINE_S, target=rank_main, last="done")
    assert after < DEADLINE_S, f"rank 0 hung: {got}"
    zero, one = _by_tag(got), _by_tag(reports(str(tmp_path), 1))
    assert "crash" not in zero and "crash" not in one, (zero, one)
    for name, heads in (("llama", 2), ("mqa", 1)):
        tokens, preemptions, shape, free = zero[name]
        # each rank's pages hold its share of the KV heads: 2 of 4, or the one head replicated
        assert shape == [9, 2, 2, 16, heads, 8]
        assert preemptions > 0 and free == 9  # the small pool forced preemptions
        assert one[name] == zero[name]  # same tokens (sampled ones too), preemptions, pages
        reference = zero[f"{name} tp1"][0]
        assert tokens[:5] == reference[:5]  # greedy and seeded sampling equal one rank's
        assert all(len(t) == 10 for t in tokens)
    message, live = zero["mismatch"]
    assert message.startswith("requests: ranks disagree"), message
    assert live is False and one["mismatch"][0].startswith("requests: ranks disagree")


@pytest.mark.parametrize(
    ("fate", "cause", "within"),
    [
        ("kill", "Connection reset by peer|Connection closed by peer|Broken pipe", 1.5),
        ("stall", "Timed out", TIMEOUT_S + 1.5),
    ],
)
def test_a_dead_rank_gives_the_survivor_a_collective_error_and_frees_its_pages(
    tmp_path: Any, fate: str, cause: str, within: float
) -> None:
    got, after = run_pair(str(tmp_path), fate, DEADLINE_S, target=rank_main, last="done")
    assert after < DEADLINE_S, f"rank 0 hung: {got}"
    message, waited, forwards, freed = _by_tag(got)["fault"]
    assert message.startswith("CollectiveError: all_reduce on rank 0 of 2 failed"), message
    assert any(c in message for c in cause.split("|")), message
    assert forwards == 3  # two healthy steps, then the one its peer left
    assert KILL_AFTER_S / 2 < waited < KILL_AFTER_S + within
    assert freed  # every live request aborted, every page back in the pool


def _group(rank: int) -> TPGroup:
    return TPGroup(rank=rank, world=2, device=torch.device("cpu"), step_timeout_s=1.0)


@pytest.mark.parametrize(("name", "kv_rows"), [("llama", 16), ("mqa", 8)])
def test_the_ranks_shards_cover_the_model(name: str, kv_rows: int) -> None:
    full = build(name, dtype=torch.float32, device=torch.device("cpu"))
    shards = [build(name, dtype=torch.float32, device=torch.device("cpu")) for _ in range(2)]
    for rank, model in enumerate(shards):
        shard_model(model, _group(rank))
    attn = [m.model.layers[0].self_attn for m in (full, *shards)]
    mlp = [m.model.layers[0].mlp for m in (full, *shards)]
    assert torch.equal(torch.cat([a.q_proj.weight for a in attn[1:]]), attn[0].q_proj.weight)
    assert torch.equal(torch.cat([a.o_proj.weight for a in attn[1:]], 1), attn[0].o_proj.weight)
    assert torch.equal(torch.cat([m.down_proj.weight for m in mlp[1:]], 1), mlp[0].down_proj.weight)
    assert isinstance(attn[1].o_proj, RowParallelLinear)
    assert [a.k_proj.weight.shape[0] for a in attn[1:]] == [kv_rows, kv_rows]
    if name == "mqa":  # one KV head, replicated: both ranks keep all of it
        assert all(torch.equal(a.k_proj.weight, attn[0].k_proj.weight) for a in attn[1:])
        assert attn[1].num_key_value_groups == 4
    else:
        assert torch.equal(torch.cat([a.v_proj.weight for a in attn[1:]]), attn[0].v_proj.weight)


def test_a_fused_projection_is_refused_by_name() -> None:
    from transformers import Phi3Config, Phi3ForCausalLM

    model = Phi3ForCausalLM(Phi3Config(hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                                       num_attention_heads=4, num_key_value_heads=2,
                                       vocab_size=128, pad_token_id=0))  # fmt: skip
    with pytest.raises(ShardingError, match=r"Phi3ForCausalLM: 0 attention modules .* fused"):
        shard_model(model, _group(0))


def test_an_mlp_that_does_not_split_evenly_is_refused() -> None:
    model = build("llama", dtype=torch.float32, device=torch.device("cpu"))
    for layer in model.model.layers:
        layer.mlp.gate_proj = torch.nn.Linear(64, 127)
    with pytest.raises(ShardingError, match=r"layers.0.mlp.gate_proj: 127 features; expected a"):
        shard_model(model, _group(1))
