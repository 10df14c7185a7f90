"""Tests of pipeline/utils/."""
