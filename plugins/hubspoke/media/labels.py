"""How messages name files: as the editor knows them (content/..., relative to mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from hubspoke.core.errors import shown_path


class Labels:
    """Names files and docs-relative paths the way an editor finds them."""

    def __init__(self, root: Path, docs_dir: Path):
        self.root = root
        self.docs_label = shown_path(docs_dir, root)

    def path(self, path: str | Path) -> str:
        return shown_path(Path(path), self.root)

    def file(self, file: File) -> str:
        if file.abs_src_path:
            return shown_path(Path(file.abs_src_path), self.root)
        return self.docs(file.src_uri)

    def docs(self, path: str) -> str:
        return f"{self.docs_label}/{path}"
