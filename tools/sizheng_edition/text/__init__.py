"""Shared notions of text, used by every stage and by the Sphinx extension: character classes,
script conversion, pinyin and glossary-term matching."""
