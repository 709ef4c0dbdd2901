"""Story rules (FC1xx): every stage tells the problem's story."""
