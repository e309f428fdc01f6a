"""The certificate wizard: choose a path, work in the background, write nothing until Finish."""
