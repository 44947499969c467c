"""A pytest plugin that records every config the tests resolve into ``corpus.json``:
``python -m pytest -p tests.snapshot.record tests/test_schemas_*.py ...``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

import generated
from tests.snapshot.cases import CORPUS, _plain

_SEEN: dict[str, Any] = {}


def _remember(config: Any) -> None:
    data = config.to_dict() if hasattr(config, "to_dict") else config
    if isinstance(data, dict):
        plain = _plain(data)
        _SEEN.setdefault(json.dumps(plain, sort_keys=True), plain)


@pytest.fixture(autouse=True)
def _record_resolves(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real = generated.resolve

    def resolve(config: object) -> Any:
        _remember(config)
        return real(config)

    monkeypatch.setattr(generated, "resolve", resolve)
    yield


def pytest_sessionfinish(session: pytest.Session) -> None:
    old = json.loads(CORPUS.read_text()) if CORPUS.exists() else []
    for c in old:
        _SEEN.setdefault(json.dumps(c, sort_keys=True), c)
    rows = [_SEEN[k] for k in sorted(_SEEN)]
    CORPUS.write_text(json.dumps(rows, indent=0, sort_keys=True) + "\n")
