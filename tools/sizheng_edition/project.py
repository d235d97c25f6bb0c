"""Where the project keeps its seeds, plans, glossary and generated edition."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sizheng_edition.errors import EditionError


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

    def require_project(self) -> None:
        """The root holds a project: its seeds, plans and edition folders."""
        missing = [p for p in (self.seeds, self.plans, self.edition) if not p.is_dir()]
        if missing:
            names = ", ".join(p.relative_to(self.root).as_posix() + "/" for p in missing)
            raise EditionError(
                str(self.root), None, f"not an edition project: no {names} (give the project with --root)"
            )
