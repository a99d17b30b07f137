"""From MkDocs configuration to the core's plain settings.

Shared by the plugin and the `hubspoke` command, so both read the site's
folders, time zone and editorial options the same way.
"""

from __future__ import annotations

from pathlib import Path

import pathspec
from mkdocs.config.defaults import MkDocsConfig

from hubspoke.core import dates
from hubspoke.core.content.intake import FileRules
from hubspoke.core.content.loaders import Limits
from hubspoke.core.content.sources import SiteLayout
from hubspoke.core.editorial.policy import Policy
from hubspoke.core.editorial.report import ReportSettings
from hubspoke.media.config import MediaConfig
from hubspoke.network.config import NetworkConfig

from .config import EditorialConfig

NETWORK = "hubspoke/network"
MEDIA = "hubspoke/media"
# MkDocs leaves out hidden files and a top-level templates/ folder, whatever exclude_docs says.
_ALWAYS_EXCLUDED = pathspec.gitignore.GitIgnoreSpec.from_lines([".*", "/templates/"])


def layout(config: MkDocsConfig, network: NetworkConfig, media: MediaConfig | None) -> SiteLayout:
    """Where the site's content is, from mkdocs.yml and the network and media plugins'
    options (validated by their types when MkDocs loaded mkdocs.yml)."""
    root = Path(config.config_file_path).parent
    timezone = dates.zone(network.timezone)  # a valid name: checked by its option type
    events = media is not None and media.events_enabled
    spec = _ALWAYS_EXCLUDED + config.exclude_docs if config.exclude_docs else _ALWAYS_EXCLUDED
    return SiteLayout(
        root=root,
        docs_dir=Path(config.docs_dir),
        authors_dir=root / network.authors_dir,
        blog_dir=network.blog_dir,
        personas_dir=network.personas_dir,
        timezone=timezone,
        post_url_format=network.post_url_format,
        categories_allowed=tuple(network.blog_categories_allowed),
        directory_urls=config.use_directory_urls,
        site_url=config.site_url,
        excluded=spec.match_file,
        file_rules=file_rules(config, network),
        limits=post_limits(network),
        spokes_file=root / (network.hub_spokes_file or "spokes.yml"),
        spokes_required=bool(network.hub_spokes_file),
        other_dirs=tuple(Path(d) for d in [config.theme.custom_dir] if d),
        audio=media is not None,
        audio_shows=tuple(media.podcast_shows) if media is not None else (),
        events_dir=media.events_dir if events else None,
        events_timezone=(
            dates.zone(media.events_timezone) if events and media.events_timezone else timezone
        ),
    )


def post_limits(network) -> Limits:
    return Limits(
        tags=network.post_tags_max,
        categories=network.post_categories_max,
        extra_fields=tuple(network.post_fields_allowed),
    )


def file_rules(config: MkDocsConfig, network) -> FileRules:
    """What the content folder may carry: the site's patterns, plus the stylesheets and
    scripts that mkdocs.yml itself names (extra_css, extra_javascript)."""
    named = [str(entry) for entry in (*config.extra_css, *config.extra_javascript)]
    return FileRules(
        allowed=(*network.content_files_allowed, *named),
        symlinks=network.content_symlinks,
        option=NETWORK,
    )


def policy(options: EditorialConfig) -> Policy:
    return Policy(
        required_fields=tuple(options.policy_required_fields),
        guest_reviewer=options.policy_guest_reviewer,
        image_alt=options.policy_image_alt,
        banned_phrases=tuple(p for p in options.policy_banned_phrases if p.strip()),
        title_max_length=options.policy_title_max_length,
        link_schemes=tuple(s.lower() for s in options.policy_link_schemes),
        unpublished_links=options.policy_unpublished_links,
        drafts=options.policy_drafts,
    )


def report_settings(options: EditorialConfig) -> ReportSettings:
    return ReportSettings(
        dormant_days=options.report_dormant_days,
        draft_days=options.report_draft_days,
        months=options.insights_months,
    )
