"""The render stage: the model as MyST pages, every source-derived string escaped."""
