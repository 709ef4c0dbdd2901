"""Price rules (FC3xx): the price fits the budget, the pitch and the problem's cost."""
