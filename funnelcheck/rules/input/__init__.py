"""Input rules (FC0xx): what reading and validating found; FC010 and FC011 too."""
