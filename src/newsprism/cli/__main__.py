"""`python -m newsprism.cli`, as the console script runs it."""

from newsprism.cli import main

# Guarded: Dask's local workers are spawned processes, which import the main module again.
if __name__ == "__main__":
    main()
