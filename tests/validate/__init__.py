"""Tests of pipeline/validate/."""
