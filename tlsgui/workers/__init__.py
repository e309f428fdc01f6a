"""Background work for the window: a thread-pool task runner and a child-process job (DESIGN.md section 3)."""
