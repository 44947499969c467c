"""Compiler output. Do not edit: run ``make generate``."""
