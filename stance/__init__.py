"""stance: who said what about whom in news, and how favourably."""
__version__ = "0.1.0"
