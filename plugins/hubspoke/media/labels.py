"""How messages name files: as the editor knows them (content/..., relative to mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File


class Labels:
    """Names files and docs-relative paths the way an editor finds them."""

    def __init__(self, root: Path, docs_dir: Path):
        self.root = root
        self.docs_label = _label(docs_dir, root)

    def file(self, file: File) -> str:
        if file.abs_src_path:
            return _label(Path(file.abs_src_path), self.root)
        return self.docs(file.src_uri)

    def docs(self, path: str) -> str:
        return f"{self.docs_label}/{path}"


def _label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
