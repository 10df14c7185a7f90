"""Tests of pipeline/publish/."""
