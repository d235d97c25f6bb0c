extensions = ["myst_parser", "tools.sphinxext"]
myst_enable_extensions = ["attrs_block", "attrs_inline"]
html_theme = "basic"
html_search_language = "zh"
