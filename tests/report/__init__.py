"""Tests of stance.report, one module per module of the subpackage."""
