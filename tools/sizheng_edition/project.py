"""Where the project keeps its seeds, plans, glossary and generated edition."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def plans(self) -> Path:
        return self.root / "conf" / "plans"

    @property
    def glossary(self) -> Path:
        return self.root / "conf" / "glossary.yaml"

    @property
    def edition(self) -> Path:
        return self.root / "edition"

    def plan_for(self, seed: Path) -> Path:
        """The plan of a seed: named by the seed's key."""
        return self.plans / f"{seed.name.split('_', 1)[0]}.yaml"
