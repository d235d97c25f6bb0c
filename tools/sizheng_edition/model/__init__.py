"""The typed model the stages pass along: a witness, a plan, the built edition, the glossary,
and the names of citable places."""
