extensions = ["myst_parser", "sizheng_edition.sphinxext"]
myst_enable_extensions = ["attrs_block"]
html_theme = "basic"
