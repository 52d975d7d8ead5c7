"""Tests of stance.text, one module per module of the subpackage."""
