"""The `newsprism` command: thin calls of the library, with progress bars and clear errors.

Exit status: 0 when every input was read, 1 when some inputs were reported and skipped (the
others are still processed and written), 2 when nothing usable was given.

commands.py holds the commands, each composing the same four things: how to read its inputs
(reading.py), where to run (resources.py), the library's stage calls, and the output
(terminal.py); the options they share are declared once, in options.py.
"""

from newsprism.cli.commands import app, main

__all__ = ["app", "main"]
