"""The model the rules read: a checked strategy and the views several rules share
(the priced plans, the funnel, a stage's words, the off-problem measure)."""
