extensions = ["myst_parser", "sizheng_edition.sphinxext"]
html_theme = "basic"
