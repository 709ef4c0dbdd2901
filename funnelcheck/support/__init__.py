"""Plumbing that knows nothing of strategies: atomic writes, the terminal, plugins'
entry points, "did you mean", jsonschema's import."""
