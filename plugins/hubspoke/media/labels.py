"""How messages name files: as the editor knows them (content/..., relative to mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

import yaml
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


def option_line(config_file: str, plugin: str, *keys: str) -> int | None:
    """The line of mkdocs.yml where the option `keys` of `plugin` is set; None if it is not
    set there (a default) or the file cannot be read as YAML nodes."""
    try:
        with open(config_file, encoding="utf-8") as handle:
            node = yaml.compose(handle.read(1024 * 1024), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    node = _value(node, "plugins")
    if not isinstance(node, yaml.SequenceNode):
        return None
    found = None
    for item in node.value:
        found = _value(item, plugin)
        if found is not None:
            break
    for key in keys:
        if found is None:
            return None
        if key == keys[-1]:
            return _key_line(found, key)
        found = _value(found, key)
    return None


def _value(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return value
    return None


def _key_line(node, key: str) -> int | None:
    if isinstance(node, yaml.MappingNode):
        for name, _ in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return name.start_mark.line + 1
    return None
