"""Options of the `hubspoke/editorial` plugin, grouped by feature prefix.

Defaults come from the core's `Policy` and `ReportSettings`, so the build and
the `hubspoke` command can never disagree about them.
"""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from hubspoke.core.editorial.policy import Policy, field_problem, scheme_problem
from hubspoke.core.editorial.report import ReportSettings
from hubspoke.core.editorial.scaffold import POST_PATH
from hubspoke.options import AtLeast, Between, CheckedItems, PathFormat

_POLICY = Policy()
_REPORT = ReportSettings()


class EditorialConfig(Config):
    enabled = c.Type(bool, default=True)

    # The editorial policy: `hubspoke check` reports it as errors, the build as warnings.
    policy_enabled = c.Type(bool, default=True)
    policy_required_fields = CheckedItems(
        field_problem, default=list(_POLICY.required_fields)
    )  # front matter fields every post must fill in
    policy_guest_reviewer = c.Type(bool, default=_POLICY.guest_reviewer)
    policy_image_alt = c.Type(bool, default=_POLICY.image_alt)
    policy_banned_phrases = c.ListOfItems(c.Type(str), default=list(_POLICY.banned_phrases))
    policy_title_max_length = AtLeast(0, default=_POLICY.title_max_length)  # 0: no limit
    policy_link_schemes = CheckedItems(
        scheme_problem, default=list(_POLICY.link_schemes)
    )  # []: any scheme
    policy_unpublished_links = c.Type(bool, default=_POLICY.unpublished_links)
    policy_drafts = c.Type(bool, default=_POLICY.drafts)  # also hold drafts to the policy

    # The runway report (`hubspoke report`) and the insights page.
    report_dormant_days = AtLeast(1, default=_REPORT.dormant_days)
    report_draft_days = AtLeast(1, default=_REPORT.draft_days)

    # The insights page: "serve" (only with `mkdocs serve`), "always" or "never".
    insights_page = c.Choice(("serve", "always", "never"), default="serve")
    insights_url = PathFormat("insights")
    insights_title = c.Optional(c.Type(str))  # default: the site language's text
    insights_months = Between(1, 120, default=_REPORT.months)

    # `hubspoke new post`: where new posts go, inside the blog folder.
    new_post_path = c.Type(str, default=POST_PATH)
