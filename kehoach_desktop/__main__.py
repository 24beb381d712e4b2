import sys

from .cli import main

if __name__ == "__main__":  # not again in a worker process that receiving starts (issue 11)
    sys.exit(main())
