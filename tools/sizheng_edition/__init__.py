"""An annotated digital edition of Chinese texts: the conversion pipeline and its Sphinx extension."""
