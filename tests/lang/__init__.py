"""Tests of pipeline/lang/."""
