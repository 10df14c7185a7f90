"""python -m pipeline  ->  the iscm command."""

from .cli import main

main()
