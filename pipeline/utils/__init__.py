"""Helpers that import nothing from the stages: text, frames of cells, progress."""
