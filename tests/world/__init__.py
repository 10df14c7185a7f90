"""Tests of pipeline/world/."""
