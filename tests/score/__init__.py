"""Tests of stance.score, one module per module of the subpackage."""
