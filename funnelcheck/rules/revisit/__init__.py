"""Revisit rules (FC7xx): the strategy and its evidence are kept fresh."""
