"""The 4D project folder on disk: locate it, read and write its settings, install files safely."""
