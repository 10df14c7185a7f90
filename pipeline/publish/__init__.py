"""The plan of every output, then the files: staging and writing, what changed, the
editions, the archive page, the bundle, the translation kit.
"""
