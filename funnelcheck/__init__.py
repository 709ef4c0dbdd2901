"""funnelcheck: keeps a product strategy's problem story honest from the first ad to the renewal."""

__version__ = "0.1.0"
