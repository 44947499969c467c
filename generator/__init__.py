"""The kvarch compiler: schemas/*.yaml → generated/*.py."""
