"""The tests of the stance package, one module per package module."""
