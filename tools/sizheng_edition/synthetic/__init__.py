"""Synthetic witnesses and corpora made from the real articles, for measuring the draft and the
pipeline at scale."""
