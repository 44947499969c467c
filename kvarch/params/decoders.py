"""Decoder-only families: Llama-style (dense and MoE), multi-head latent attention, dense
then MoE, the pre-Llama classics (GPT-2, BLOOM, OPT, Falcon, MPT, ...) and a few one-offs."""

from __future__ import annotations

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

_LLAMA_LIKE = {
    "llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe", "phi3", "gemma",
    "gemma2", "gemma3_text", "gpt_oss", "llama4_text", "olmo2", "granite", "starcoder2",
    "cohere", "cohere2", "apertus", "arcee", "nemotron", "exaone", "glm", "glm4", "olmo",
    "hunyuan_v1_dense", "vaultgemma", "apertus1p5_text", "granite_swa", "mellum",
    "granitemoe_swa", "jais2", "ministral3", "emu3_text_model",
}  # fmt: skip


@formula(*_LLAMA_LIKE)
def llama_like(c: Cfg, n: ParamCount) -> None:
    """Llama, Mistral, Qwen2/3, Phi-3, Gemma 2/3, VaultGemma, Mixtral, gpt-oss, Llama 4 (dense
    and MoE)."""
    hidden = c.int("hidden_size")
    layers = c.int("num_hidden_layers", "num_layers")
    inter = c.int("intermediate_size")
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    heads = c.int("num_attention_heads")
    if c.model_type == "starcoder2" and c.flag("use_bias", True) and heads:  # q/k/v/o biases
        kv = c.int("num_key_value_heads", default=heads)
        n.other += layers * ((heads + 2 * kv) * (hidden // heads) + hidden)
    experts = c.int("num_local_experts", "num_experts")
    moe_layers = 0
    if experts:
        step = c.int("interleave_moe_layer_step", "decoder_sparse_step", default=1)
        moe_layers = len([i for i in range(layers) if (i + 1) % step == 0])
        if c.get("mlp_layer_types"):  # Mellum: dense or sparse, per layer
            moe_layers = list(c.get("mlp_layer_types")).count("sparse")
        moe_inter = c.int("moe_intermediate_size", default=inter)
        gated_mlp(n, hidden, moe_inter, experts * moe_layers, "expert")
        n.add(experts, hidden, "router", moe_layers)
        if c.model_type == "gpt_oss":  # biased experts and router
            n.other += moe_layers * experts * (2 * moe_inter + hidden + 1)
        if c.model_type == "llama4_text":  # one shared expert per MoE layer
            gated_mlp(n, hidden, moe_inter, moe_layers)
        if c.model_type == "qwen2_moe":  # a gated shared expert per MoE layer
            gated_mlp(n, hidden, c.int("shared_expert_intermediate_size"), moe_layers)
            n.add(1, hidden, "router", moe_layers)
        if c.model_type == "granitemoe_swa":  # a shared MLP beside the experts (0: none)
            gated_mlp(n, hidden, c.int("shared_intermediate_size"), moe_layers)
    dense_inter = c.int("intermediate_size_mlp", default=inter)
    if c.model_type in _UNGATED:
        jais2_bias = c.model_type == "jais2" and c.flag("mlp_bias", False)
        biased = c.model_type == "starcoder2" or jais2_bias
        plain_mlp(n, hidden, dense_inter, layers, bias=biased)
    else:
        gated_mlp(n, hidden, dense_inter, layers - moe_layers)
    norms = _NORMS_PER_LAYER.get(c.model_type, 2)
    n.other += layers * norms * hidden + bool(norms) * hidden
    if c.model_type in _BIASED_NORMS:  # LayerNorm biases
        n.other += layers * norms * hidden + hidden
    if c.model_type in ("apertus", "apertus1p5_text"):  # xIELU's two learned scalars per MLP
        n.other += layers * 2


# Llama-style families whose MLP has no gate, their norms per layer when not two, and the
# LayerNorm ones (a bias beside each weight).
_UNGATED = {"apertus", "apertus1p5_text", "arcee", "nemotron", "starcoder2", "jais2"}
_NORMS_PER_LAYER = {"gemma2": 4, "gemma3_text": 4, "glm4": 4, "cohere": 1, "cohere2": 1, "olmo": 0}
_BIASED_NORMS = {"nemotron", "starcoder2", "jais2"}


def mla_attention(c: Cfg, n: ParamCount, layers: int, hidden: int) -> None:
    """``layers`` multi-head latent attention blocks: the query (through a ``q_lora_rank``
    latent where there is one), the joint K/V latent and its norm, its up-projection, o_proj."""
    heads = c.int("num_attention_heads")
    nope, rope = c.int("qk_nope_head_dim"), c.int("qk_rope_head_dim")
    v_dim, kv_rank, q_rank = c.int("v_head_dim"), c.int("kv_lora_rank"), c.int("q_lora_rank")
    if q_rank:
        n.add(q_rank, hidden, "attn", layers)
        n.add(heads * (nope + rope), q_rank, "attn", layers)
        n.other += layers * q_rank
    else:
        n.add(heads * (nope + rope), hidden, "attn", layers)
    n.add(kv_rank + rope, hidden, "attn", layers)
    n.add(heads * (nope + v_dim), kv_rank, "attn", layers)
    n.add(hidden, heads * v_dim, "attn", layers)
    n.other += layers * kv_rank


def _indexer_layers(c: Cfg, layers: int) -> int:
    """Layers that run their own DSA indexer: all of DeepSeek-V3.2's; GLM-5's ``"full"``
    ``indexer_types`` (the others reuse the previous full layer's top-k), as transformers
    derives them when the list is absent: ``index_topk_pattern``, else every
    ``index_topk_freq``-th layer counted from ``index_skip_topk_offset`` - 1."""
    if c.model_type == "deepseek_v32":
        return layers
    kinds = c.get("indexer_types") or c.get("index_topk_pattern")
    if kinds:
        return sum(kind in ("full", "F") for kind in kinds)
    freq = max(c.int("index_topk_freq", default=1), 1)
    offset = c.int("index_skip_topk_offset", default=2)
    return sum(max(i - offset + 1, 0) % freq == 0 for i in range(layers))


def _indexers(c: Cfg, n: ParamCount, indexed: int, hidden: int, q_rank: int) -> None:
    """DSA indexers on ``indexed`` layers: query heads from the query latent, a key, weights."""
    idx_heads, idx_dim = c.int("index_n_heads", default=64), c.int("index_head_dim", default=128)
    n.add(idx_heads * idx_dim, q_rank, "attn", indexed)
    n.add(idx_dim, hidden, "attn", indexed)
    n.add(idx_heads, hidden, "attn", indexed)
    n.other += indexed * 2 * idx_dim  # the key LayerNorm's weight and bias


@formula(
    "minicpm3", "deepseek_v2", "deepseek_v3", "deepseek_v32", "glm4_moe_lite", "glm_moe_dsa",
    "youtu", "axk1", "sarvam_mla",
)  # fmt: skip
def _mla(c: Cfg, n: ParamCount) -> None:
    """DeepSeek V2/V3, MiniCPM3, GLM-4.7-Flash, GLM-5, Youtu-LLM, A.X-K1, Sarvam 105B:
    multi-head latent attention (with DSA indexers in V3.2 and GLM-5), dense first layers then
    routed experts (none in MiniCPM3 and Youtu-LLM)."""
    hidden = c.int("hidden_size")
    layers = c.int("num_hidden_layers")
    q_rank = c.int("q_lora_rank")
    embeddings(c, n, hidden)
    mla_attention(c, n, layers, hidden)
    if c.model_type in ("deepseek_v32", "glm_moe_dsa"):
        _indexers(c, n, _indexer_layers(c, layers), hidden, q_rank)
    experts = c.int("n_routed_experts")
    dense = c.int("first_k_dense_replace") if experts else layers
    freq = c.int("moe_layer_freq", default=1)
    moe = len([i for i in range(dense, layers) if i % freq == 0]) if experts else 0
    moe_inter = c.int("moe_intermediate_size")
    gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    shared = c.int("n_shared_experts", default=int(c.model_type in ("glm_moe_dsa", "axk1")))
    routed_experts(n, hidden, moe, experts, moe_inter, moe_inter * shared)
    n.other += layers * 2 * hidden + hidden
    if c.model_type == "axk1":  # an RMSNorm on each MoE block's output
        n.other += moe * hidden
    if c.int("num_nextn_predict_layers"):
        n.notes.append("multi-token-prediction layers not counted (not loaded for serving)")


@formula("longcat_flash")
def _longcat_flash(c: Cfg, n: ParamCount) -> None:
    """LongCat-Flash: each of ``num_layers`` blocks holds two MLA sublayers, two dense MLPs and
    one MoE whose router also scores ``zero_expert_num`` identity experts. Counted as the
    checkpoint holds them: transformers also allocates gate/up rows for the identity experts
    (which hold no weights), 2 x ``expert_ffn_hidden_size`` x hidden each per block."""
    hidden, blocks = c.int("hidden_size"), c.int("num_layers")
    experts, zero = c.int("n_routed_experts"), c.int("zero_expert_num")
    embeddings(c, n, hidden)
    mla_attention(c, n, 2 * blocks, hidden)
    gated_mlp(n, hidden, c.int("ffn_hidden_size"), 2 * blocks)
    gated_mlp(n, hidden, c.int("expert_ffn_hidden_size"), blocks * experts, "expert")
    n.add(experts + zero, hidden, "router", blocks)
    n.other += blocks * 4 * hidden + hidden  # two input and two post-attention norms a block
    if zero:
        n.notes.append("identity (zero) experts hold no weights")


@formula("gemma4_text", "gemma4_unified_text")
def _gemma4_text(c: Cfg, n: ParamCount) -> None:
    """Gemma 4 (dense text model, the 12B's unified one too): sliding layers of ``head_dim`` x
    ``num_key_value_heads``, full layers of ``global_head_dim`` x ``num_global_key_value_heads``
    whose V is their K when ``attention_k_eq_v`` (no v_proj); q/k norms, four norms a layer.
    The MoE block, per-layer inputs and K/V-sharing layers of other Gemma 4 checkpoints are not
    counted (noted)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    heads, kv = c.int("num_attention_heads"), c.int("num_key_value_heads")
    head_dim = c.int("head_dim", default=256)
    kinds = c.get("layer_types") or [
        "full_attention" if (i + 1) % 6 == 0 or i == layers - 1 else "sliding_attention"
        for i in range(layers)
    ]
    full = kinds.count("full_attention")
    shapes = (
        (layers - full, head_dim, kv, True),
        (full, c.int("global_head_dim", default=head_dim),
         c.int("num_global_key_value_heads", default=kv), not c.flag("attention_k_eq_v", False)),
    )  # fmt: skip
    embeddings(c, n, hidden)
    for count, dim, kv_heads, v_proj in shapes:
        n.add(heads * dim, hidden, "attn", count)
        n.add(kv_heads * dim, hidden, "attn", count * (1 + v_proj))
        n.add(hidden, heads * dim, "attn", count)
        n.other += count * 2 * dim  # q and k norms (the v norm has no scale)
    gated_mlp(n, hidden, c.int("intermediate_size"), layers)
    n.other += layers * 4 * hidden + hidden
    extras = c.get("enable_moe_block") or c.get("num_kv_shared_layers")
    if extras or c.int("hidden_size_per_layer_input", default=256):  # transformers' default
        n.notes.append("MoE block, per-layer inputs and shared K/V layers not counted")


@formula("glm4_moe", "dots1", "ernie4_5_moe", "solar_open", "sarvam_moe")
def _dense_then_moe(c: Cfg, n: ParamCount) -> None:
    """GLM-4.5, dots.llm1, ERNIE 4.5 MoE, Solar Open: GQA, dense first layers, then routed +
    shared experts."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    if c.model_type == "ernie4_5_moe":
        start, interval = c.int("moe_layer_start_index"), c.int("moe_layer_interval", default=1)
        end = c.int("moe_layer_end_index", default=layers - 1)
        moe = len([i for i in range(start, end + 1) if (i - start) % interval == 0])
        experts, shared = c.int("moe_num_experts"), c.int("moe_num_shared_experts")
        n.other += moe * experts  # the router's score-correction bias is a parameter here
    else:
        moe = layers - c.int("first_k_dense_replace")
        experts, shared = c.int("n_routed_experts"), c.int("n_shared_experts")
    moe_inter = c.int("moe_intermediate_size")
    gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    routed_experts(n, hidden, moe, experts, moe_inter, shared * moe_inter)
    n.other += layers * 2 * hidden + hidden
    if c.int("num_nextn_predict_layers"):
        n.notes.append("multi-token-prediction layers not counted (not loaded for serving)")


class _Classic(NamedTuple):
    """A pre-Llama decoder's layout: biases on q/k/v, the output and the MLP, LayerNorms per
    layer, and a biased lm_head."""

    qkv_bias: bool
    out_bias: bool
    mlp_bias: bool
    norms: int
    head_bias: bool


_CLASSIC = {
    "bloom": _Classic(True, True, True, 2, False),
    "gptj": _Classic(False, False, True, 1, True),
    "codegen": _Classic(False, False, True, 1, True),
    "gpt_neox": _Classic(True, True, True, 2, False),
    "opt": _Classic(True, True, True, 2, False),
    "phi": _Classic(True, True, True, 1, True),
    "persimmon": _Classic(True, True, True, 2, False),
    "ctrl": _Classic(True, True, True, 2, True),
    "xglm": _Classic(True, True, True, 2, False),
    "gpt_neox_japanese": _Classic(False, False, False, 2, False),  # one dense bias, see below
    "biogpt": _Classic(True, True, True, 2, False),
}


@formula(*_CLASSIC)
def classic(c: Cfg, n: ParamCount) -> None:
    """BLOOM, GPT-J, CodeGen, GPT-NeoX(-Japanese), OPT, Phi-1/2, Persimmon, CTRL, XGLM, BioGPT:
    multi-head attention, a 4x (or ``intermediate_size``) ungated MLP, LayerNorm."""
    kind = _CLASSIC[c.model_type]
    hidden = c.int("hidden_size", "n_embd", "n_embed", "d_model")
    layers = c.int("num_hidden_layers", "n_layer", "num_layers")
    heads = c.int("num_attention_heads", "n_head", "attention_heads")
    kv = c.int("num_key_value_heads", default=heads)
    hd = hidden // heads if heads else 0
    multiple = c.int("intermediate_multiple_size", default=4)  # GPT-NeoX-Japanese
    inter = c.int("intermediate_size", "n_inner", "ffn_dim", "dff", default=multiple * hidden)
    embed = c.int("word_embed_proj_dim", default=hidden)  # OPT projects its embeddings
    n.add(c.int("vocab_size"), embed, "embed")
    if not c.tied:
        n.add(c.int("vocab_size"), embed, "head")
    n.other += kind.head_bias * c.int("vocab_size")
    n.add((heads + 2 * kv) * hd, hidden, "attn", layers)
    n.add(hidden, heads * hd, "attn", layers)
    biased = c.flag("attention_bias", True) and c.flag("enable_bias", True)
    n.other += layers * biased * (kind.qkv_bias * (heads + 2 * kv) * hd + kind.out_bias * hidden)
    plain_mlp(n, hidden, inter, layers, bias=kind.mlp_bias and c.flag("enable_bias", True))
    n.other += layers * kind.norms * 2 * hidden + 2 * hidden  # LayerNorms, the final one
    if c.flag("qk_layernorm", False):
        n.other += layers * 2 * 2 * hd
    if c.model_type == "bloom":
        n.other += 2 * hidden  # word_embeddings_layernorm
    if c.model_type == "gpt_neox_japanese":
        n.other += hidden  # the last layer's attention output bias
    if c.model_type in {"opt", "biogpt"}:
        n.other += (c.int("max_position_embeddings") + 2) * hidden  # learned, offset 2
        if embed != hidden:
            n.add(hidden, embed, "attn", 2)  # project_in, project_out
        if not c.flag("do_layer_norm_before", True) or c.flag("_remove_final_layer_norm", False):
            n.other -= 2 * hidden


@formula("gpt_neo")
def _gpt_neo(c: Cfg, n: ParamCount) -> None:
    """GPT-Neo: learned positions, LayerNorm, unbiased q/k/v, biased output and 4x MLP."""
    hidden, layers = c.int("hidden_size", default=2048), c.int("num_layers", default=24)
    inter = c.int("intermediate_size", default=4 * hidden)
    embeddings(c, n, hidden)
    n.other += c.int("max_position_embeddings", default=2048) * hidden
    n.add(hidden, hidden, "attn", 4 * layers)  # q, k, v, out
    plain_mlp(n, hidden, inter, layers, bias=True)
    n.other += layers * (hidden + 4 * hidden) + 2 * hidden  # out bias, ln_1, ln_2; ln_f


@formula("gpt2", "gpt-sw3", "gpt_bigcode")
def _gpt(c: Cfg, n: ParamCount) -> None:
    """GPT-2 and GPT-BigCode (StarCoder): learned positions, LayerNorm, biased 4x MLP."""
    hidden = c.int("n_embd", "hidden_size")
    layers = c.int("n_layer", "num_hidden_layers")
    heads = c.int("n_head", "num_attention_heads")
    inter = c.int("n_inner", default=4 * hidden)
    embeddings(c, n, hidden)
    n.other += c.int("n_positions") * hidden
    kv = hidden // heads if c.flag("multi_query", c.model_type == "gpt_bigcode") else hidden
    n.add(hidden + 2 * kv, hidden, "attn", layers)
    n.add(hidden, hidden, "attn", layers)
    n.add(inter, hidden, "mlp", layers)
    n.add(hidden, inter, "mlp", layers)
    n.other += layers * (hidden + 2 * kv + hidden + inter + hidden + 4 * hidden) + 2 * hidden


@formula("falcon")
def _falcon(c: Cfg, n: ParamCount) -> None:
    """Falcon: fused QKV (multi-query or grouped), 4x GELU MLP, LayerNorm."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    heads = c.int("num_attention_heads")
    hd = hidden // heads
    new = c.flag("new_decoder_architecture", False)
    if new:
        kv = c.int("num_kv_heads", default=heads)
    else:
        kv = 1 if c.flag("multi_query", True) else heads
    inter = c.int("ffn_hidden_size", default=4 * hidden)
    embeddings(c, n, hidden)
    n.add((heads + 2 * kv) * hd, hidden, "attn", layers)
    n.add(hidden, hidden, "attn", layers)
    n.add(inter, hidden, "mlp", layers)
    n.add(hidden, inter, "mlp", layers)
    bias = c.flag("bias", False)
    n.other += layers * bias * ((heads + 2 * kv) * hd + hidden + inter + hidden)
    norms = 2 if new or not c.flag("parallel_attn", True) else 1
    n.other += layers * norms * 2 * hidden + 2 * hidden


@formula("mpt")
def _mpt(c: Cfg, n: ParamCount) -> None:
    """MPT: fused QKV, ``expansion_ratio`` MLP, no lm_head (always tied)."""
    hidden, layers = c.int("d_model"), c.int("n_layers")
    inter = c.int("expansion_ratio", default=4) * hidden
    n.add(c.int("vocab_size"), hidden, "embed")
    n.add(3 * hidden, hidden, "attn", layers)
    n.add(hidden, hidden, "attn", layers)
    n.add(inter, hidden, "mlp", layers)
    n.add(hidden, inter, "mlp", layers)
    per_norm = hidden if c.flag("no_bias", True) else 2 * hidden
    n.other += (2 * layers + 1) * per_norm
    if not c.flag("no_bias", True):
        n.other += layers * (3 * hidden + hidden + inter + hidden)


@formula("dbrx")
def _dbrx(c: Cfg, n: ParamCount) -> None:
    """DBRX: fused GQA QKV (``attn_config``), routed GLU experts (``ffn_config``), unbiased
    LayerNorms."""
    hidden, layers, heads = c.int("d_model"), c.int("n_layers"), c.int("n_heads")
    attn, ffn = c.get("attn_config") or {}, c.get("ffn_config") or {}
    kv, hd = attn.get("kv_n_heads", 1), hidden // heads
    experts, inter = ffn.get("moe_num_experts", 4), ffn.get("ffn_hidden_size", 3584)
    embeddings(c, n, hidden)
    n.add(hidden + 2 * kv * hd, hidden, "attn", layers)  # Wqkv
    n.add(hidden, hidden, "attn", layers)
    routed_experts(n, hidden, layers, experts, inter, 0)
    n.other += (2 * layers + 1) * hidden


@formula("jetmoe")
def _jetmoe(c: Cfg, n: ParamCount) -> None:
    """JetMoE: a mixture of attention heads (expert q and o projections, shared K/V) and a
    routed GLU MoE, each with its own router and output bias."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers", default=12)
    experts, inter = c.int("num_local_experts", default=8), c.int("intermediate_size")
    width = c.int("num_key_value_heads", default=16) * c.int("kv_channels", default=128)
    embeddings(c, n, hidden)
    n.add(width, hidden, "expert", 2 * layers * experts)  # MoA: q in, o out (transposed)
    n.add(2 * width, hidden, "attn", layers)  # kv_proj
    routed_experts(n, hidden, layers, experts, inter, 0)
    n.add(experts, hidden, "router", layers)  # the MoA's router
    n.other += layers * 4 * hidden + hidden  # two output biases and two norms per layer


@formula("hunyuan_v1_moe")
def _hunyuan_moe(c: Cfg, n: ParamCount) -> None:
    """HunYuan MoE (Hunyuan-A13B): q/k-normed GQA, and on every layer a router, its routed
    experts and one shared MLP, all ``intermediate_size`` wide (transformers reads neither
    ``moe_intermediate_size`` nor ``num_shared_expert``)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    inter, experts = c.int("intermediate_size"), c.int("num_experts", default=1)
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    routed_experts(n, hidden, layers, experts, inter, inter)
    n.other += (2 * layers + 1) * hidden


@formula("hrm_text")
def _hrm_text(c: Cfg, n: ParamCount) -> None:
    """HRM-Text: two stacks (H and L) of ``num_layers_per_stack`` layers (the config.json's
    ``num_hidden_layers`` before transformers inflates it to one cache slot per invocation):
    multi-head attention with a sigmoid output gate as wide as q, a gated MLP, parameterless
    norms, and the L stack's initial state."""
    hidden, heads = c.int("hidden_size"), c.int("num_attention_heads")
    layers = 2 * c.int("num_layers_per_stack", "num_hidden_layers")
    width = heads * c.int("head_dim", default=128)
    embeddings(c, n, hidden)
    n.add(width, hidden, "attn", 4 * layers)  # q, k, v, gate
    n.add(hidden, width, "attn", layers)
    n.other += layers * c.flag("attention_bias", False) * (4 * width + hidden)
    inter = c.int("intermediate_size")
    gated_mlp(n, hidden, inter, layers)
    n.other += layers * c.flag("mlp_bias", False) * (2 * inter + hidden) + hidden  # z_L_init


@formula("afmoe")
def _afmoe(c: Cfg, n: ParamCount) -> None:
    """AFMoE (Arcee Trinity): GQA with a sigmoid output gate (``gate_proj``, as wide as q) and
    q/k norms, dense first layers, then routed + shared experts with a per-expert bias; four
    norms a layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    heads = c.int("num_attention_heads")
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden, gated_q=True)
    n.other += layers * 2 * c.int("head_dim", default=hidden // heads if heads else 0)
    dense = min(c.int("num_dense_layers", default=1), layers)
    experts, moe_inter = c.int("num_experts", default=64), c.int("moe_intermediate_size")
    shared = moe_inter * c.int("num_shared_experts", default=2)
    gated_mlp(n, hidden, c.int("intermediate_size"), dense)
    routed_experts(n, hidden, layers - dense, experts, moe_inter, shared)
    n.other += (layers - dense) * experts + layers * 4 * hidden + hidden  # expert_bias, norms


@formula("mimo_v2_flash")
def _mimo_v2_flash(c: Cfg, n: ParamCount) -> None:
    """MiMo-V2-Flash: full and sliding attention layers (``layer_types``; full on layer 0 and
    every 6th), sliding ones with twice the KV heads and a sink per head; V narrower than Q/K;
    a dense first MLP (``mlp_layer_types``), then routed experts without shared ones."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    heads, kv = c.int("num_attention_heads"), c.int("num_key_value_heads")
    qk, v = c.int("head_dim", default=192), c.int("v_head_dim", default=128)
    kinds = c.get("layer_types") or [
        "full_attention" if i == 0 or (i + 1) % 6 == 0 else "sliding_attention"
        for i in range(layers)
    ]
    sliding = kinds.count("sliding_attention")
    mlps = c.get("mlp_layer_types") or ["dense"] + ["sparse"] * (layers - 1)
    moe = mlps.count("sparse")
    embeddings(c, n, hidden)
    n.add(heads * qk, hidden, "attn", layers)
    for kv_heads, count in ((kv, layers - sliding), (2 * kv, sliding)):
        n.add(kv_heads * qk, hidden, "attn", count)
        n.add(kv_heads * v, hidden, "attn", count)
        n.other += count * c.flag("attention_bias", False) * (heads * qk + kv_heads * (qk + v))
    n.add(hidden, heads * v, "attn", layers)
    n.other += sliding * heads  # attention sinks
    gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    routed_experts(n, hidden, moe, c.int("n_routed_experts"), c.int("moe_intermediate_size"), 0)
    n.other += layers * 2 * hidden + hidden


@formula("modernbert-decoder")
def _modernbert_decoder(c: Cfg, n: ParamCount) -> None:
    """ModernBERT decoder (Ettin): LayerNorms (none before layer 0's attention), a GLU MLP, and
    a prediction head (dense, norm) before the tied decoder and its bias."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    inter = c.int("intermediate_size")
    embeddings(c, n, hidden)
    n.add(hidden, hidden, "attn", 4 * layers)  # q, k, v, Wo
    n.add(2 * inter, hidden, "mlp", layers)  # Wi: the GLU's two halves
    n.add(hidden, inter, "mlp", layers)
    n.add(hidden, hidden, "head")  # the prediction head's dense
    norms = 2 * layers + 2  # embeddings, attention (from layer 1), MLP, final, head
    n.other += norms * hidden * (2 if c.flag("norm_bias", False) else 1)
    n.other += layers * (c.flag("attention_bias", False) * 4 * hidden
                         + c.flag("mlp_bias", False) * (2 * inter + hidden))  # fmt: skip
    n.other += c.flag("classifier_bias", False) * hidden
    n.other += c.flag("decoder_bias", True) * c.int("vocab_size")


@formula("cpmant")
def _cpmant(c: Cfg, n: ParamCount) -> None:
    """CPM-Ant: prompt and segment embeddings, a relative position bias, pre-norm layers of
    multi-head attention (``dim_head`` wide) and a gated FFN."""
    hidden, layers = c.int("hidden_size", default=4096), c.int("num_hidden_layers", default=48)
    heads, hd = c.int("num_attention_heads", default=32), c.int("dim_head", default=128)
    segments = c.int("segment_types", default=32)
    prompts = c.int("prompt_types", default=32) * c.int("prompt_length", default=32)
    vocab = c.int("vocab_size", default=30720)
    n.add(vocab + prompts, hidden, "embed")
    n.add(vocab, hidden, "head")
    n.other += segments * hidden  # segment embedding
    n.other += (c.int("position_bias_num_buckets", default=512) + segments**2) * heads
    n.add(heads * hd, hidden, "attn", 3 * layers)  # project_q, _k, _v
    n.add(hidden, heads * hd, "attn", layers)  # attention_out
    gated_mlp(n, hidden, c.int("dim_ff", default=10240), layers)
    n.other += layers * 2 * hidden + hidden  # norms before attention and FFN, the output norm


@formula("mllama_text_model")
def _mllama_text(c: Cfg, n: ParamCount) -> None:
    """Llama 3.2 Vision's text model: Llama layers, some cross-attending to the image (the same
    q/k/v/o shapes, plus q/k norms and two tanh gates); 8 more embedding rows for image tokens."""
    llama_like(c, n)
    hidden, heads = c.int("hidden_size"), c.int("num_attention_heads")
    n.add(8, hidden, "embed")
    n.other += len(c.get("cross_attention_layers") or []) * (2 * (hidden // heads) + 2)


@formula("gemma3n_text")
def _gemma3n_text(c: Cfg, n: ParamCount) -> None:
    """Gemma 3n's text decoder: per-layer embeddings, AltUp and LAuReL around Gemma 3 layers."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    per_layer = c.int("hidden_size_per_layer_input", default=256)
    alt, rank = c.int("altup_num_inputs", default=4), c.int("laurel_rank", default=64)
    inter = c.get("intermediate_size")
    inters = inter if isinstance(inter, list) else [int(inter)] * layers
    embeddings(c, n, hidden)
    n.add(c.int("vocab_size_per_layer_input", default=262144), layers * per_layer, "embed")
    n.add(layers * per_layer, hidden, "attn")
    n.add(hidden, hidden, "attn", 2 * (alt - 1))  # altup (un)embed projections
    shared = c.int("num_kv_shared_layers")  # the last ones reuse earlier layers' K/V
    gqa(c, n, layers - shared, hidden)
    heads, hd = c.int("num_attention_heads"), c.int("head_dim", default=256)
    n.add(heads * hd, hidden, "attn", shared)
    n.add(hidden, heads * hd, "attn", shared)
    n.other += shared * hd
    for size in inters:
        gated_mlp(n, hidden, size, 1)
    n.add(alt, hidden, "router", layers)  # altup modality router
    n.add(rank, hidden, "mlp", layers)
    n.add(hidden, rank, "mlp", layers)
    n.add(per_layer, hidden, "mlp", layers)
    n.add(hidden, per_layer, "mlp", layers)
    n.other += layers * 4 * hidden  # norms
    n.other += layers * (3 * hidden + alt * alt + alt**3 + hidden)  # altup, laurel, per-layer
    n.other += hidden + per_layer


@formula("beam")
def _beam(c: Cfg, n: ParamCount) -> None:
    """Beam: GQA with q/k norms and a sigmoid gate on each head's output (a projection as wide
    as the queries and a bias per head), four norms a layer, dense MLPs on the ``"dense"``
    ``mlp_layer_types`` (the first three by default), routed experts without a shared one on
    the rest."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    heads = c.int("num_attention_heads")
    kinds = c.get("mlp_layer_types") or ["dense"] * min(3, layers) + ["sparse"] * (layers - 3)
    moe = list(kinds).count("sparse")
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden, gated_q=True)  # q_proj and the output gate: the same shape
    gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    routed_experts(n, hidden, moe, c.int("num_experts"), c.int("moe_intermediate_size"), 0)
    n.other += layers * (heads + 2 * c.int("head_dim") + 4 * hidden) + hidden


@formula("hy_v4")
def _hy_v4(c: Cfg, n: ParamCount) -> None:
    """Hy4: MLA with attention sinks and a gate on the output (one per value channel), DSA
    indexers on the ``"full"`` ``indexer_types`` layers, a dense MLP or routed + shared experts
    per ``mlp_layer_types``, and ``hc_mult`` hyper-connection streams: per layer, around
    attention and around the MLP, a mixing matrix (2 x streams by streams x hidden), its biases
    and two scales; before the head, one more (streams rows, their biases, a scale)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    heads, streams = c.int("num_attention_heads"), c.int("hc_mult", default=4)
    kinds = list(c.get("mlp_layer_types") or ["dense"] + ["sparse"] * (layers - 1))
    indexer_kinds = c.get("indexer_types") or [  # transformers' default: layer 0, then every 4th
        "full" if i == 0 or (i - 1) % 4 == 0 else "shared" for i in range(layers)
    ]
    moe, moe_inter = kinds.count("sparse"), c.int("moe_intermediate_size")
    embeddings(c, n, hidden)
    mla_attention(c, n, layers, hidden)
    n.add(heads * c.int("v_head_dim"), hidden, "attn", layers)  # gate_proj
    n.other += layers * heads  # sinks
    _indexers(c, n, list(indexer_kinds).count("full"), hidden, c.int("q_lora_rank"))
    gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    shared = c.int("n_shared_experts", default=1) * moe_inter
    routed_experts(n, hidden, moe, c.int("n_routed_experts"), moe_inter, shared)
    n.other += layers * 2 * hidden + hidden
    n.other += layers * 2 * (2 * streams * streams * hidden + 2 * streams + 2)
    n.other += streams * streams * hidden + streams + 1  # hc_head


@formula("dory")
def _dory(c: Cfg, n: ParamCount) -> None:
    """Dory (nGPT-style, no norms): per layer GQA with an output gate as wide as the queries,
    learned scales (``sqk`` and ``s_gate`` over the queries, ``suv_gate`` and ``suv_up`` over
    the MLP, two lambdas over the hidden state) and a gated MLP; a recurrent layer's weights are
    held once however many loops run it; a learned scale per vocabulary logit. Released configs
    list attention and MLP as separate blocks (``"mlp"`` in ``layer_types``): two per layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers", default=36)
    if "mlp" in (c.get("layer_types") or ()):
        layers //= 2
    heads, inter = c.int("num_attention_heads"), c.int("intermediate_size")
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden, gated_q=True)
    gated_mlp(n, hidden, inter, layers)
    width = heads * c.int("head_dim", default=hidden // heads)
    n.other += layers * (2 * width + 2 * inter + 2 * hidden) + c.int("vocab_size")


@formula("diffllama")
def _diffllama(c: Cfg, n: ParamCount) -> None:
    """DiffLlama: Llama's layers, and four ``head_dim`` lambda vectors per attention layer
    (``lambda_q1``, ``lambda_k1``, ``lambda_q2``, ``lambda_k2``; its group norm has no weight)."""
    llama_like(c, n)
    hidden, heads = c.int("hidden_size"), c.int("num_attention_heads")
    hd = c.int("head_dim", default=hidden // heads if heads else 0)
    n.other += c.int("num_hidden_layers") * 4 * hd


@formula("doge")
def _doge(c: Cfg, n: ParamCount) -> None:
    """Doge: q/k-normed GQA with dynamic-mask parameters per layer (``dt_proj`` from the values
    to one gate per KV head, and ``A``, one per KV head), two learned residual scales beside the
    two norms, a gated MLP (or, with ``is_moe``, that MLP plus the cross-domain experts: a
    product-key router of 2 x sqrt(experts) keys and up/down embeddings per expert)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    heads = c.int("num_attention_heads")
    kv = c.int("num_key_value_heads", default=heads)
    hd = c.int("head_dim", default=hidden // heads if heads else 0)
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    n.add(kv, kv * hd, "attn", layers)  # dt_proj
    gated_mlp(n, hidden, c.int("intermediate_size"), layers)
    if c.flag("is_moe", False):
        experts = c.int("num_experts", default=16384)
        n.add(2 * int(experts**0.5), hidden, "router", layers)
        n.add(experts, hidden, "expert", 2 * layers)  # down_embed, up_embed
    n.other += layers * (kv + 2 * hd + 4 * hidden) + hidden  # A, q/k norms, norms and scales


@formula("nanochat")
def _nanochat(c: Cfg, n: ParamCount) -> None:
    """NanoChat: unbiased multi-head attention and a ReLU² MLP (``fc1``/``fc2``, no gate); its
    RMSNorms (q/k and the layers') have no weight, so the layers hold six matrices and nothing
    else; untied embeddings and head."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    plain_mlp(n, hidden, c.int("intermediate_size"), layers, bias=False)
