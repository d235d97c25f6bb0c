"""The check stage: proofs that nothing was lost and that the generated pages are current."""
