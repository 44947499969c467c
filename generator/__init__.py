"""The kvarch compiler: schemas/*.yaml → generated/*.py (see docs/schema.md)."""

from generator.compiler import compile_dir, load_schemas
from generator.errors import Loc, SchemaError
from generator.output import Drift, check, generate
from generator.scaffold import scaffold

__all__ = [
    "Drift",
    "Loc",
    "SchemaError",
    "check",
    "compile_dir",
    "generate",
    "load_schemas",
    "scaffold",
]
