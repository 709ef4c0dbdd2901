"""Promise rules (FC2xx): what is promised is planned and shipped."""
