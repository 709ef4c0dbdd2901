"""Stakeholder rules (FC4xx): the buyer and each stakeholder are addressed."""
