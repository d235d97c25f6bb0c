extensions = ["myst_parser", "sizheng_edition.sphinxext"]
html_theme = "basic"
html_search_language = "zh"
