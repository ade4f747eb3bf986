"""The concurrent package."""
