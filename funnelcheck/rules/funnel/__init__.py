"""Funnel rules (FC5xx): conversions, the leads needed, stage order and shape."""
