extensions = ["myst_parser", "sizheng_edition.sphinxext"]
html_theme = "basic"
project = "Test Edition"
author = "The editors"
release = "1.2.3"
smartquotes = False  # as the edition: never retouch quotation marks
