"""Tests of stance.run, one module per module of the subpackage."""
