extensions = ["myst_parser", "sizheng_edition.sphinxext"]
html_theme = "furo"
exclude_patterns = ["_build"]
