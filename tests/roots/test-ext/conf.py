extensions = ["myst_parser", "sizheng_edition.sphinxext"]
myst_enable_extensions = ["attrs_block", "attrs_inline"]
html_theme = "basic"
html_search_language = "zh"
