"""The build stage: a source and its plan into the edition's model (``build.source``)."""
