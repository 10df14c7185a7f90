"""Tests of pipeline/render/."""
