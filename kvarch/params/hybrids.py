"""Hybrid families: attention beside Mamba / Mamba2 mixers, linear attention, short
convolutions or RG-LRU recurrences (Jamba, Bamba, Granite 4.0-H, MiniMax, Qwen3-Next / Qwen3.5,
Falcon-H1, Zamba(2), LFM2, Nemotron-H, RecurrentGemma, Kimi-Linear)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from kvarch.params.core import (
    Cfg,
    ParamCount,
    embeddings,
    formula,
    gated_mlp,
    gqa,
    plain_mlp,
    routed_experts,
)
from kvarch.params.decoders import mla_attention


@formula("jamba")
def _jamba(c: Cfg, n: ParamCount) -> None:
    """Jamba: Mamba layers with attention every ``attn_layer_period``, MoE every other layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    inter, experts = c.int("intermediate_size"), c.int("num_experts", default=16)
    attn = [i for i in range(layers) if i % c.int("attn_layer_period", default=8) ==
            c.int("attn_layer_offset", default=4)]  # fmt: skip
    moe = [i for i in range(layers) if i % c.int("expert_layer_period", default=2) ==
           c.int("expert_layer_offset", default=1)]  # fmt: skip
    embeddings(c, n, hidden)
    gqa(c, n, len(attn), hidden)
    mamba = layers - len(attn)
    d_in = c.int("mamba_expand", default=2) * hidden
    state, conv = c.int("mamba_d_state", default=16), c.int("mamba_d_conv", default=4)
    dt = c.int("mamba_dt_rank", default=-(-hidden // 16))
    n.add(2 * d_in, hidden, "mlp", mamba)  # in_proj
    n.add(dt + 2 * state, d_in, "mlp", mamba)  # x_proj
    n.add(d_in, dt, "mlp", mamba)  # dt_proj
    n.add(hidden, d_in, "mlp", mamba)  # out_proj
    conv_bias = c.flag("mamba_conv_bias", True)
    n.other += mamba * (d_in * (state + 1 + conv + conv_bias + 1) + dt + 2 * state)
    gated_mlp(n, hidden, inter, len(moe) * experts, "expert")
    n.add(experts, hidden, "router", len(moe))
    gated_mlp(n, hidden, inter, layers - len(moe))
    n.other += layers * 2 * hidden + hidden


@formula("bamba")
def _bamba(c: Cfg, n: ParamCount) -> None:
    """Bamba: Mamba2 mixers, attention on ``attn_layer_indices``, a gated MLP on every layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    attn = len(c.get("attn_layer_indices") or [])
    mamba = layers - attn
    embeddings(c, n, hidden)
    gqa(c, n, attn, hidden)
    d_in = c.int("mamba_expand", default=2) * hidden
    heads = c.int("mamba_n_heads", default=128)
    groups = c.int("mamba_n_groups", default=1) * c.int("mamba_d_state", default=256)
    in_rows = 2 * d_in + 2 * groups + heads  # z, x, B, C, dt
    n.add(in_rows, hidden, "mlp", mamba)
    n.add(hidden, d_in, "mlp", mamba)  # out_proj
    conv = c.int("mamba_d_conv", default=4) + c.flag("mamba_conv_bias", True)
    n.other += mamba * ((d_in + 2 * groups) * conv + 3 * heads + d_in)  # conv, dt/A/D, norm
    n.other += mamba * c.flag("mamba_proj_bias", False) * (in_rows + hidden)
    gated_mlp(n, hidden, c.int("intermediate_size"), layers)
    n.other += layers * 2 * hidden + hidden


@formula("granitemoehybrid")
def _granitemoehybrid(c: Cfg, n: ParamCount) -> None:
    """Granite 4.0-H: Mamba2 or attention per ``layer_types`` (all Mamba by default), then
    routed experts (none in the dense checkpoints) beside a shared gated MLP on every layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    types = c.get("layer_types") or ["mamba"] * layers
    mamba = len([t for t in types if t in ("mamba", "linear_attention")])
    embeddings(c, n, hidden)
    gqa(c, n, layers - mamba, hidden)
    d_in = c.int("mamba_expand", default=2) * hidden
    heads = c.int("mamba_n_heads", default=128)
    mixer = _Mamba2(
        d_in=d_in,
        heads=heads,
        groups_x_state=c.int("mamba_n_groups", default=1) * c.int("mamba_d_state", default=256),
        conv=c.int("mamba_d_conv", default=4),
        conv_bias=c.flag("mamba_conv_bias", True),
    )
    _mamba2_mixers(n, hidden, mamba, mixer)
    in_rows = 2 * d_in + 2 * mixer.groups_x_state + heads  # z, x, B, C, dt
    n.other += mamba * c.flag("mamba_proj_bias", False) * (in_rows + hidden)
    experts = c.int("num_local_experts", default=8)
    gated_mlp(n, hidden, c.int("intermediate_size", default=11008), layers * experts, "expert")
    n.add(experts, hidden, "router", layers if experts else 0)
    gated_mlp(n, hidden, c.int("shared_intermediate_size", default=1024), layers)
    n.other += layers * 2 * hidden + hidden


@formula("minimax")
def _minimax(c: Cfg, n: ParamCount) -> None:
    """MiniMax-Text-01: lightning (linear) attention with a few full layers, MoE everywhere."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    types = c.get("layer_types") or [
        "full_attention" if (i + 1) % 2 else "linear_attention" for i in range(layers)
    ]  # transformers' default
    full = types.count("full_attention")
    linear = layers - full
    heads = c.int("num_attention_heads")
    width = heads * c.int("head_dim", default=hidden // heads if heads else 0)
    embeddings(c, n, hidden)
    gqa(c, n, full, hidden)
    n.add(3 * width, hidden, "attn", linear)  # qkv_proj
    n.add(width, hidden, "attn", linear)  # output_gate
    n.add(hidden, width, "attn", linear)  # out_proj
    n.other += linear * width  # the linear attention's norm
    experts = c.int("num_local_experts")
    gated_mlp(n, hidden, c.int("intermediate_size"), layers * experts, "expert")
    n.add(experts, hidden, "router", layers)
    n.other += layers * 2 * hidden + hidden


@formula("qwen3_next", "qwen3_5_text", "qwen3_5_moe_text")
def _qwen3_next(c: Cfg, n: ParamCount) -> None:
    """Qwen3-Next, Qwen3.5: gated DeltaNet layers, gated full attention every Nth (or per
    ``layer_types``), shared-expert MoE (a gated MLP in the dense Qwen3.5)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    every = c.int("full_attention_interval", default=4)
    types = c.get("layer_types")
    full = (
        types.count("full_attention")
        if isinstance(types, list)
        else len([i for i in range(layers) if (i + 1) % every == 0])
    )
    embeddings(c, n, hidden)
    gqa(c, n, full, hidden, gated_q=True)
    _gated_deltanet(c, n, layers - full, hidden)
    if c.model_type == "qwen3_5_text":  # dense
        gated_mlp(n, hidden, c.int("intermediate_size"), layers)
    else:
        experts, moe_inter = c.int("num_experts"), c.int("moe_intermediate_size")
        gated_mlp(n, hidden, moe_inter, layers * experts, "expert")
        gated_mlp(n, hidden, c.int("shared_expert_intermediate_size"), layers)
        n.add(experts, hidden, "router", layers)
        n.add(1, hidden, "router", layers)  # shared_expert_gate
    n.other += layers * 2 * hidden + hidden


def _gated_deltanet(c: Cfg, n: ParamCount, linear: int, hidden: int) -> None:
    """``linear`` gated DeltaNet layers: q, k, v and the output gate z (one fused projection
    or four), the per-head a and b, out_proj, the conv over q, k, v, A_log, dt_bias, the norm."""
    k_dim = c.int("linear_num_key_heads") * c.int("linear_key_head_dim")
    v_heads = c.int("linear_num_value_heads")
    v_dim = v_heads * c.int("linear_value_head_dim")
    n.add(2 * k_dim + 2 * v_dim, hidden, "attn", linear)  # q, k, v, z
    n.add(2 * v_heads, hidden, "attn", linear)  # a, b
    n.add(hidden, v_dim, "attn", linear)  # out_proj
    conv = (2 * k_dim + v_dim) * c.int("linear_conv_kernel_dim", default=4)
    n.other += linear * (conv + 2 * v_heads + c.int("linear_value_head_dim"))


@formula("olmo_hybrid")
def _olmo_hybrid(c: Cfg, n: ParamCount) -> None:
    """OLMo Hybrid: gated DeltaNet layers and, per ``layer_types``, OLMo 2's attention (q/k
    norms over the whole projection, no gate), a gated MLP and two norms on every layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    full = _hybrid_layers(c, "layer_types", layers, lambda i: (i + 1) % 4 == 0)
    heads = c.int("num_attention_heads")
    kv = c.int("num_key_value_heads", default=heads)
    embeddings(c, n, hidden)
    gqa(c, n, len(full), hidden)
    n.other += len(full) * (heads + kv) * c.int("head_dim", default=hidden // heads)
    _gated_deltanet(c, n, layers - len(full), hidden)
    gated_mlp(n, hidden, c.int("intermediate_size"), layers)
    n.other += layers * 2 * hidden + hidden


_LARA_MINI_PATTERN = ("linear", "sliding", "linear", "full", "sliding")  # transformers' default


@formula("lara_mini")
def _lara_mini(c: Cfg, n: ParamCount) -> None:
    """Lara Mini: gated DeltaNet layers beside sliding and full GQA layers (q/k norms, no output
    gate) per ``layer_types``, routed experts and an ungated shared expert on every layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    attn = _hybrid_layers(c, "layer_types", layers, lambda i: _LARA_MINI_PATTERN[i % 5] != "linear")
    heads = c.int("num_attention_heads")
    embeddings(c, n, hidden)
    gqa(c, n, len(attn), hidden)
    n.other += len(attn) * 2 * c.int("head_dim", default=hidden // heads)  # q/k norms
    _gated_deltanet(c, n, layers - len(attn), hidden)
    experts, moe_inter = c.int("num_experts"), c.int("moe_intermediate_size")
    routed_experts(n, hidden, layers, experts, moe_inter, c.int("shared_expert_intermediate_size"))
    n.other += layers * 2 * hidden + hidden


@formula("kimi_linear")
def _kimi_linear(c: Cfg, n: ParamCount) -> None:
    """Kimi-Linear: KDA linear-attention layers and MLA layers (``linear_attn_config``'s 1-based
    lists), dense MLPs on the first ``first_k_dense_replace`` layers, then shared-expert MoE."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    lists = c.get("linear_attn_config") or {}
    full_at, kda_at = lists.get("full_attn_layers") or [], lists.get("kda_layers") or []
    default = len([i for i in range(1, layers) if i % 4 == 0])  # every 4th layer from layer 4
    mla = len(full_at) if full_at and kda_at else default
    kda = layers - mla
    heads = lists.get("num_heads") or c.int("linear_num_heads", default=32)
    head_dim = lists.get("head_dim") or c.int("linear_head_dim", default=128)
    width = heads * head_dim
    embeddings(c, n, hidden)
    mla_attention(c, n, mla, hidden)
    n.add(width, hidden, "attn", 3 * kda)  # q, k, v
    n.add(head_dim, hidden, "attn", 2 * kda)  # f_a, g_a (low rank)
    n.add(width, head_dim, "attn", 2 * kda)  # f_b, g_b
    n.add(heads, hidden, "attn", kda)  # b_proj
    n.add(hidden, width, "attn", kda)  # o_proj
    kernel = lists.get("short_conv_kernel_size") or c.int("linear_conv_kernel_dim", default=4)
    n.other += kda * (3 * width * kernel + width + heads + head_dim)  # conv, dt_bias, A_log, norm
    experts, dense = c.int("num_experts", default=256), c.int("first_k_dense_replace", default=1)
    moe_inter = c.int("moe_intermediate_size", default=1024)
    shared = moe_inter * c.int("num_shared_experts", default=1)
    gated_mlp(n, hidden, c.int("intermediate_size", default=9216), dense)
    routed_experts(n, hidden, layers - dense, experts, moe_inter, shared)
    n.other += layers * 2 * hidden + hidden


@formula("bailing_hybrid")
def _bailing_hybrid(c: Cfg, n: ParamCount) -> None:
    """Ling 3.0 (BailingMoeV3): KDA layers with full-rank forget and output gates, and a
    head-gated MLA layer closing each ``layer_group_size`` group; dense MLPs on the first
    ``first_k_dense_replace`` layers, then shared-expert MoE."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers", default=42)
    heads, head_dim = c.int("num_attention_heads", default=32), c.int("head_dim", default=128)
    group = c.int("layer_group_size", default=6)
    kinds = c.get("layer_types") or [
        "full_attention" if (i + 1) % group == 0 else "linear_attention" for i in range(layers)
    ]
    mla = kinds.count("full_attention")
    kda, width = layers - mla, heads * head_dim
    embeddings(c, n, hidden)
    mla_attention(c, n, mla, hidden)
    n.add(heads, hidden, "attn", mla)  # g_proj: a gate per head
    n.add(width, hidden, "attn", 5 * kda)  # q, k, v, the forget gate's f_proj, g_proj
    n.add(heads, hidden, "attn", kda)  # b_proj
    n.add(hidden, width, "attn", kda)  # o_proj
    kernel = c.int("short_conv_kernel_size", default=4)
    n.other += kda * (3 * width * kernel + width + heads + head_dim)  # conv, dt_bias, A_log, norm
    dense = c.int("first_k_dense_replace", default=2)
    moe_inter = c.int("moe_intermediate_size", default=768)
    shared = moe_inter * c.int("num_shared_experts", "n_shared_experts", default=1)
    experts = c.int("num_experts", "num_local_experts", default=512)
    gated_mlp(n, hidden, c.int("intermediate_size", default=6144), dense)
    routed_experts(n, hidden, layers - dense, experts, moe_inter, shared)
    n.other += layers * 2 * hidden + hidden


class _Mamba2(NamedTuple):
    """A Mamba2 mixer's widths: inner (heads x head width), heads, B/C (groups x state)."""

    d_in: int
    heads: int
    groups_x_state: int
    conv: int
    conv_bias: bool
    gated_norm: bool = True


def _mamba2_mixers(n: ParamCount, hidden: int, mixers: int, m: _Mamba2) -> None:
    """``mixers`` Mamba2 mixers: in_proj (z, x, B, C, dt), out_proj, the conv over x, B and C,
    dt_bias / A_log / D per head, the gated norm (where it has one)."""
    bc = 2 * m.groups_x_state
    n.add(2 * m.d_in + bc + m.heads, hidden, "mlp", mixers)
    n.add(hidden, m.d_in, "mlp", mixers)
    conv = (m.d_in + bc) * (m.conv + m.conv_bias)
    n.other += mixers * (conv + 3 * m.heads + m.gated_norm * m.d_in)


@formula("falcon_h1")
def _falcon_h1(c: Cfg, n: ParamCount) -> None:
    """Falcon-H1: attention and a Mamba2 mixer side by side in every layer, then a gated MLP."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    heads = c.int("mamba_n_heads", default=128)
    mixer = _Mamba2(
        d_in=c.int("mamba_d_ssm", default=c.int("mamba_expand", default=2) * hidden),
        heads=heads,
        groups_x_state=c.int("mamba_n_groups", default=1) * c.int("mamba_d_state", default=256),
        conv=c.int("mamba_d_conv", default=4),
        conv_bias=c.flag("mamba_conv_bias", True),
        gated_norm=c.flag("mamba_rms_norm", False),
    )
    _mamba2_mixers(n, hidden, layers, mixer)
    gated_mlp(n, hidden, c.int("intermediate_size", default=14336), layers)
    n.other += layers * 2 * hidden + hidden  # input / pre-FF norms, the final norm


def _hybrid_layers(c: Cfg, key: str, layers: int, default: Callable[[int], bool]) -> list[int]:
    """Indices of the attention-keeping layers: ``key``'s list where the config has one (its
    entries other than Mamba / conv / MLP / MoE blocks), else ``default(i)``."""
    blocks = c.get(key)
    if isinstance(blocks, list):
        return [i for i, b in enumerate(blocks) if b in _ATTENTION_BLOCKS]
    return [i for i in range(layers) if default(i)]


_ATTENTION_BLOCKS = {"hybrid", "attention", "full_attention", "sliding_attention"}
_ZAMBA2_HYBRID = {6, 12, 18, 24, 30, 36, 42, 47, 51}  # transformers' default 54-layer pattern


@formula("zamba", "zamba2")
def _zamba(c: Cfg, n: ParamCount) -> None:
    """Zamba (Mamba mixers; hybrid layers add a linear and run one shared attention+MLP block
    over [hidden, embeddings]) and Zamba2 (Mamba2 mixers; ``num_mem_blocks`` shared blocks,
    LoRA adapters per hybrid layer)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    inter = c.int("intermediate_size") or 4 * hidden  # Zamba2's default
    v2 = c.model_type == "zamba2"
    period, offset = c.int("attn_layer_period", default=6), c.int("attn_layer_offset", default=4)
    hybrid = _hybrid_layers(c, "layers_block_type", layers, lambda i: (
        i in _ZAMBA2_HYBRID if v2 else i == 2 or (i >= 3 and (i - 3) % period == offset)
    ))  # fmt: skip
    embeddings(c, n, hidden)
    d_in = c.int("mamba_expand", default=2) * hidden
    state, conv = c.int("mamba_d_state", default=64 if v2 else 16), c.int("mamba_d_conv", default=4)
    if v2:
        groups = c.int("mamba_ngroups", default=1) * state
        heads = c.int("n_mamba_heads", default=8)
        conv_bias = c.flag("use_conv_bias", True)
        _mamba2_mixers(n, hidden, layers, _Mamba2(d_in, heads, groups, conv, conv_bias))
    else:
        heads = c.int("n_mamba_heads", default=2)
        dt = c.int("mamba_dt_rank", default=-(-hidden // 16))
        n.add(2 * d_in, hidden, "mlp", layers)  # in_proj
        n.add(dt + 2 * state, d_in // heads, "mlp", layers * heads)  # x_proj, per head
        n.add(d_in, dt, "mlp", layers)  # dt_proj
        n.add(hidden, d_in, "mlp", layers)  # out_proj
        conv_bias = c.flag("mamba_conv_bias", True)
        n.other += layers * d_in * (1 + state + 1 + conv + conv_bias)  # dt bias, A_log, D, conv
    n.other += layers * hidden + hidden  # input norms, the final norm
    n.add(hidden, hidden, "attn", len(hybrid))  # each hybrid layer's linear
    width = c.int("attention_hidden_size", default=2 * hidden)  # attention over [h, embeddings]
    att_heads = c.int("num_attention_heads")
    kv = c.int("num_key_value_heads", default=att_heads)
    hd = c.int("attention_head_dim", default=width // att_heads)
    blocks = min(c.int("num_mem_blocks", default=1) if v2 else 1, len(hybrid))
    if not c.tied:  # transformers shares the block by weight tying: untied, each layer has its own
        blocks = len(hybrid)
    n.add(att_heads * hd, width, "attn", blocks)
    n.add(kv * hd, width, "attn", 2 * blocks)
    n.add(hidden, att_heads * hd, "attn", blocks)
    gated_mlp(n, hidden, inter, blocks)
    n.other += blocks * (width + hidden)  # the shared block's two norms
    if v2:  # LoRA adapters per hybrid layer: the MLP's gate/up, and q/k/v when asked
        rank, mem = c.int("adapter_rank", default=128), c.int("num_mem_blocks", default=1)
        # a block holds one adapter per hybrid layer it serves (round robin); untied, every
        # layer's copy of its block holds all of them
        served = [len(range(b, len(hybrid), mem)) for b in range(mem)]
        adapters = len(hybrid) if c.tied else sum(k * k for k in served)
        n.add(rank, hidden, "mlp", adapters)
        n.add(2 * inter, rank, "mlp", adapters)
        if c.flag("use_shared_attention_adapter", False):
            n.add(rank, width, "attn", 3 * adapters)
            n.add(width, rank, "attn", 3 * adapters)


@formula("lfm2", "lfm2_moe", "lfm3")
def _lfm2(c: Cfg, n: ParamCount) -> None:
    """LFM2 / LFM2-MoE / LFM3: gated short-convolution layers, GQA layers with q/k norms, a
    gated MLP on every layer (LFM2-MoE: routed experts after ``num_dense_layers``). LFM3 adds a
    sigmoid gate per head on the attention output, sandwich norms, and keeps its MLP width."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    attn_idx = c.get("full_attn_idxs")
    attn = _hybrid_layers(c, "layer_types", layers,
                          lambda i: attn_idx is None or i in attn_idx)  # fmt: skip
    convs = layers - len(attn)
    embeddings(c, n, hidden)
    gqa(c, n, len(attn), hidden)
    heads = c.int("num_attention_heads")
    n.other += len(attn) * 2 * c.int("head_dim", default=hidden // heads)  # q/k norms
    if c.model_type == "lfm3" and c.flag("use_attention_gate", True):
        n.add(heads, hidden, "attn", len(attn))  # g_proj: a gate per head
    n.add(3 * hidden, hidden, "attn", convs)  # in_proj (B, C, x)
    n.add(hidden, hidden, "attn", convs)  # out_proj
    n.other += convs * hidden * (c.int("conv_L_cache", default=3) + c.flag("conv_bias", False))
    inter = c.int("intermediate_size")
    if c.model_type == "lfm2_moe":
        dense = min(c.int("num_dense_layers", default=2), layers)
        experts = c.int("num_experts", default=32)
        gated_mlp(n, hidden, inter, dense)
        gated_mlp(n, hidden, c.int("moe_intermediate_size"), (layers - dense) * experts, "expert")
        n.add(experts, hidden, "router", layers - dense)
    else:
        if c.flag("block_auto_adjust_ff_dim", c.model_type == "lfm2"):  # SwiGLU sizing
            inter = int(2 * inter / 3)
            multiplier = c.get("block_ffn_dim_multiplier", 1.0)
            if multiplier is not None:
                inter = int(multiplier * inter)
            multiple = c.int("block_multiple_of", default=256)
            inter = multiple * -(-inter // multiple)
        gated_mlp(n, hidden, inter, layers)
    sandwich = c.model_type == "lfm3" and c.flag("use_sandwich_norm", True)
    n.other += layers * (2 + 2 * sandwich) * hidden + hidden  # + post norms; embedding norm


_NEMOTRON_H_BLOCKS = {"M": "mamba", "E": "moe", "*": "attention", "-": "mlp"}


@formula("nemotron_h")
def _nemotron_h(c: Cfg, n: ParamCount) -> None:
    """Nemotron-H: one mixer per block, Mamba2 (M), attention (*), ReLU² MLP (-) or routed
    experts with a shared one (E), from ``layers_block_type`` / ``hybrid_override_pattern``."""
    hidden = c.int("hidden_size")
    blocks = c.get("layers_block_type") or c.get("layer_types")
    if not isinstance(blocks, list):
        blocks = [_NEMOTRON_H_BLOCKS[b] for b in str(c.get("hybrid_override_pattern") or "ME*-")]
    count = {kind: 0 for kind in ("mamba", "moe", "attention", "mlp")}
    for b in blocks:
        count[{"linear_attention": "mamba", "full_attention": "attention"}.get(b, b)] += 1
    embeddings(c, n, hidden)
    gqa(c, n, count["attention"], hidden)
    heads = c.int("mamba_num_heads", default=128)
    mixer = _Mamba2(
        d_in=heads * c.int("mamba_head_dim", default=64),
        heads=heads,
        groups_x_state=c.int("n_groups", default=8) * c.int("ssm_state_size", default=128),
        conv=c.int("conv_kernel", default=4),
        conv_bias=c.flag("use_conv_bias", True),
    )
    _mamba2_mixers(n, hidden, count["mamba"], mixer)
    bias = c.flag("mlp_bias", False)
    plain_mlp(n, hidden, c.int("intermediate_size", default=21504), count["mlp"], bias=bias)
    experts, moe = c.int("n_routed_experts", default=8), count["moe"]
    moe_inter = c.int("moe_intermediate_size", default=7688)
    shared = c.int("moe_shared_expert_intermediate_size", default=7688)
    n.add(moe_inter, hidden, "expert", moe * experts)  # up (ReLU², no gate)
    n.add(hidden, moe_inter, "expert", moe * experts)  # down
    plain_mlp(n, hidden, shared, moe, bias=False)
    n.add(experts, hidden, "router", moe)
    n.other += len(blocks) * hidden + hidden  # one norm per block, norm_f


@formula("recurrent_gemma")
def _recurrent_gemma(c: Cfg, n: ParamCount) -> None:
    """RecurrentGemma: RG-LRU blocks and local attention in the ``block_types`` cycle."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    cycle = c.get("block_types") or ["recurrent", "recurrent", "attention"]
    attn = len([i for i in range(layers) if cycle[i % len(cycle)] == "attention"])
    rec = layers - attn
    lru, heads = c.int("lru_width", default=hidden), c.int("num_attention_heads")
    inter = c.int("intermediate_size") // 2
    embeddings(c, n, hidden)
    gqa(c, n, attn, hidden)
    n.add(lru, hidden, "attn", 2 * rec)  # linear_y, linear_x
    n.add(hidden, lru, "attn", rec)  # linear_out
    n.add(lru // heads, lru // heads, "attn", 2 * heads * rec)  # block-diagonal gates
    n.other += rec * (2 * lru + hidden + lru * (c.int("conv1d_width", default=4) + 1))
    n.other += rec * (lru + 2 * lru) + attn * hidden  # recurrent_param, gate biases; o bias
    gated_mlp(n, hidden, inter, layers)
    n.other += layers * (2 * inter + hidden + 2 * hidden) + hidden
