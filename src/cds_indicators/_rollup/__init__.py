"""Roll-ups: summaries, the completion schedule, merged communes."""
