"""Running a check: the engine (rules over each file, in workers), suppressions,
baselines, the result spool, stable identities; diff and init's starter."""
