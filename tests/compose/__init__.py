"""Tests of pipeline/compose/."""
