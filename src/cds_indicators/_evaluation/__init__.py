"""Evaluation: reading values, judging one commune-year or a whole table at once,
trajectories."""
