"""Pure-Python settings model: option declarations, settings values, profiles and validation."""
