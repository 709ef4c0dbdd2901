"""`python -m funnelcheck`."""

from funnelcheck.cli import main

main()
