"""Shared engine for herken's illustrated demo films: storyboard steps, voices, drawing, encoding."""
