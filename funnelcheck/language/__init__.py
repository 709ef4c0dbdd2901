"""The language of strategies, on plain values: words and concepts (story), amounts,
currencies and periods (money)."""
