"""Tests of stance.io, one module per module of the subpackage."""
