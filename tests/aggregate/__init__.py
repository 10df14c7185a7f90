"""Tests of pipeline/aggregate/."""
