"""Developer tools: the generators of the docs, the input templates and the catalogues.

No build step imports them."""
