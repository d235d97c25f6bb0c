extensions = ["myst_parser", "sizheng_edition.sphinxext"]
html_theme = "basic"
myst_enable_extensions = ["attrs_block", "attrs_inline"]
html_search_language = "zh"  # as the edition declares; Sphinx's own index must still not be built
project = "Test Edition"
author = "The editors"
release = "1.2.3"
