"""Tests of stance.extract, one module per module of the subpackage."""
