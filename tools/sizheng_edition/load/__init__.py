"""The load stage: the editor's files (seeds, plans, glossary) read into the model with the file and line
of every mistake, and a plan written back in the same format."""
