extensions = ["myst_parser", "sizheng_edition.sphinxext"]
html_theme = "basic"
myst_enable_extensions = ["attrs_inline"]
copyright = "test"
version = "1"
