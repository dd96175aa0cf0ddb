"""Words: the message catalogue, interface words, number and label formatting."""
