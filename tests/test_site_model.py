"""The site model (`Hub.site`, a NetworkBuild): what it holds before and after on_files."""

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from hubspoke.hub import hub_of

from .conftest import FIXED_CLOCK


def test_network_and_presenter_are_there_from_on_files(site_copy, monkeypatch, tmp_path):
    source = site_copy("basic")
    monkeypatch.setenv("HUBSPOKE_CLOCK", FIXED_CLOCK)
    config = load_config(str(source / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    site = hub_of(config).site
    assert site is not None

    # Read in on_config, placed in on_files: asked for before, each says so.
    assert not site.content_read
    with pytest.raises(RuntimeError, match=r"NetworkBuild\.network is read in on_files"):
        site.network  # noqa: B018
    with pytest.raises(RuntimeError, match=r"NetworkBuild\.presenter is made in on_files"):
        site.presenter  # noqa: B018

    config.plugins.on_files(get_files(config), config=config)
    assert site.content_read
    assert {p.source for p in site.network.posts} == set(site.posts_by_source)
    assert site.network.posts
    assert site.presenter.absolute("blog/") is not None
