"""`python -m search_service`: the command line."""
from .cli import main

main()
