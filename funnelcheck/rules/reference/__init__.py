"""Reference rules (FC6xx): reference customers back the story."""
