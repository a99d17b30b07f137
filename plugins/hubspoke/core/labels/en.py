"""English labels: the reference every other language has the same keys as.

A value is a text with {placeholders}, or, where a number is shown, a mapping of
plural categories (CLDR: one, other; some languages add few, many) to texts.
"""

LOWERCASE_IN_SENTENCE = True

LABELS = {
    # -- posts: byline, meta, listings -------------------------------------------
    "post.updated": "Updated",
    "post.by": "By",
    "post.and": "and",
    "post.in": "In",
    "post.min_read": {"one": "{count} min read", "other": "{count} min read"},
    "post.continue": "Continue reading",
    "post.written_for": "Written for",
    "post.disclosure": "Disclosure",
    "post.tags": "Tags",
    "post.about_authors": {"one": "About the author", "other": "About the authors"},
    "badge.guest": "Guest",
    "state.draft": "Draft",
    "state.scheduled": "Scheduled",
    "state.unlisted": "Unlisted",
    "listing.posts": "Posts",
    "listing.empty": "No posts yet.",
    "pagination.pages": "Pages",
    "pagination.newer": "← Newer posts",
    "pagination.older": "Older posts →",
    "count.posts": {"one": "{count} post", "other": "{count} posts"},
    "follow": "Follow",
    "browse.label": "Browse the blog",
    "browse.categories": "Categories",
    "browse.archive": "Archive",
    "share.label": "Share this post",
    "share.title": "Share",
    "share.email": "Email",
    "preview.post_draft": "Draft preview: this post is not published.",
    "preview.post_scheduled": "Scheduled preview: this post will be published on {date}.",
    # -- authors and personas -------------------------------------------------------
    "author.about": "About {name}",
    "author.guest": "Guest author",
    "author.expert": "Expert",
    "author.former": "Former contributor",
    "author.topics": "Writes about: {topics}",
    "author.elsewhere": "{name} elsewhere",
    "author.posts_by": "Posts by {name} ({count})",
    "authors.experts": "Our experts",
    "authors.guests": "Guest authors",
    "authors.former": "former contributor",
    "persona.posts_for": "Posts for {name} ({count})",
    "persona.this_reader": "this reader",
    "guest.disclosure": "Guest author: the views expressed here are the author's own.",
    # -- home and hub ---------------------------------------------------------------
    "home.for_you": "Find what is written for you",
    "home.latest": "Latest posts",
    "home.all_posts": "All posts →",
    "home.profiles": "{company} on social networks",
    "home.all_profiles": "All our profiles →",
    "home.events": "Next events",
    "home.all_events": "All events →",
    "notfound.title": "Page not found",
    "notfound.intro": (
        "There is no page at this address. It may have moved, or the link may have a typo."
    ),
    "notfound.search": "Search the site",
    "notfound.home": "Go to the home page",
    "notfound.blog": "Browse the blog",
    "notfound.latest": "Latest posts",
    "hub.official_heading": "Our official profiles",
    "hub.only_official": (
        "These are the only official {company} accounts. "
        "Anything else using our name is not run by us."
    ),
    "hub.network": "Network",
    "hub.profile": "Profile",
    "hub.purpose": "What it is for",
    "hub.team": "Run by",
    "hub.experts_heading": "Where our experts are",
    "hub.official_profiles": "Official profiles",
    "hub.experts_with_profile": "Experts with a profile",
    "hub.picture_title": "{company}: where we are active",
    "hub.count_official": {"one": "{count} official", "other": "{count} official"},
    "hub.count_experts": {"one": "{count} expert", "other": "{count} experts"},
    "hub.no_profiles": "no profiles",
    "hub.picture_none": "{company} has no listed social profiles yet.",
    "hub.picture_description": (
        "{company} at the centre, with a spoke to each network where we are active. {items}."
    ),
    "social.company_on": "{company} on {network}",
    # -- generated pages -------------------------------------------------------------
    "page.blog": "Blog",
    "page.authors": "Authors",
    "page.personas": "Personas",
    "page.hub": "Where we are active",
    "page.insights": "Content insights",
    "page.events": "Events",
    "page.archive": "Posts of {name}",
    "page.tag": "Tagged “{name}”",
    "page.numbered": "{title} (page {number})",
    # -- share on Mastodon -------------------------------------------------------------
    "mastodon.title": "Share on Mastodon",
    "mastodon.intro": (
        "Mastodon has no single website: enter the address of your own server, and your "
        "server's share dialog opens with the text below. Without JavaScript, copy the text "
        "into a new post yourself."
    ),
    "mastodon.server": "Your Mastodon server",
    "mastodon.text": "Text to share",
    "mastodon.submit": "Share",
    "mastodon.invalid": "Enter a server name such as mastodon.social.",
    # -- feeds ------------------------------------------------------------------------
    "feed.site_description": "The latest posts of {site}",
    "feed.author_description": "Posts by {name}, {about}",
    "feed.category_description": "Posts in the category {name} on {site}",
    "feed.tag_description": "Posts tagged {name} on {site}",
    "feed.web_feed": "web feed",
    "feed.stylesheet_note": (
        "This is a web feed. To follow new posts, copy this page's address into your feed reader."
    ),
    "feed.read_on_site": "Read on the website",
    # -- events -----------------------------------------------------------------------
    "events.subscribe_intro": "Add every upcoming event to your calendar app:",
    "events.subscribe": "subscribe to the calendar (iCalendar)",
    "events.upcoming": "Upcoming",
    "events.none_upcoming": "No upcoming events right now.",
    "events.past": "Past",
    "event.past": "Past event",
    "event.all": "All events",
    "event.when": "When",
    "event.where": "Where",
    "event.and_online": "and online",
    "event.online": "Online",
    "event.speakers": {"one": "Speaker", "other": "Speakers"},
    "event.for": "For",
    "event.register": "Register",
    "event.register_for": "for {title}",
    "event.join": "Join online",
    "event.recording": "Watch the recording",
    "event.recording_of": "of {title}",
    "event.add_calendar": "Add to calendar",
    "event.join_online_at": "Join online: {url}",
    "event.with_speakers": "With {names}.",
    "event.register_at": "Register: {url}",
    "event.recording_at": "Recording: {url}",
    "event.details_at": "Details: {url}",
    "event.calendar_name": "{site} events",
    "event.preview_draft": "Draft preview: this event is not published.",
    "event.preview_scheduled": "Scheduled preview: this event will be announced on {date}.",
    "event.status.cancelled": "Cancelled",
    "event.status.postponed": "Postponed",
    "event.kind.event": "Event",
    "event.kind.webinar": "Webinar",
    "event.kind.workshop": "Workshop",
    "event.kind.conference": "Conference",
    "event.kind.trade-fair": "Trade fair",
    "event.kind.demo": "Product demo",
    "event.kind.talk": "Talk",
    "event.kind.meetup": "Meetup",
    "event.kind.training": "Training",
    # -- audio and video --------------------------------------------------------------
    "audio.show": "{site} podcast",
    "audio.listen": "Listen",
    "audio.listen_to": "Listen: {title}",
    "audio.season": "Season {number}",
    "audio.episode": "Episode {number}",
    "audio.type.trailer": "Trailer",
    "audio.type.bonus": "Bonus",
    "audio.download": "Download ({format}, {size})",
    "audio.download_episode": "Download the episode",
    "audio.transcript": "Transcript",
    "audio.subscribe_show": "Subscribe to {show}",
    "audio.subscribe": "Subscribe to the podcast",
    "video.play": "Play video",
    "video.play_title": "Play video: {title}",
    "video.transcript": "Transcript",
    "video.captions": "Captions",
    "video.captions_file": "Captions (WebVTT)",
    "video.download": "Download the video",
    "video.notice": (
        "Plays from {provider} in privacy-enhanced mode; "
        "nothing is loaded from {provider} until you press play."
    ),
    # -- the insights page (for editors; a page of the site, so in its language) ------
    "insights.lead": (
        "Figures as of {clock}. “Last {recent}” and “last {rate}” count posts published in "
        "those days, “next {ahead}” the posts scheduled for the coming {ahead} days. The runway "
        "is how many days the scheduled posts keep up the pace of the last {rate} days."
    ),
    "insights.runway_personas": "Runway per persona",
    "insights.runway_categories": "Runway per category",
    "insights.nothing_scheduled": "Nothing scheduled for:",
    "insights.nothing_scheduled_none": "none, every persona has a post coming.",
    "insights.months": "Posts per month",
    "insights.months_caption": "Published posts of the last {months} months, per persona.",
    "insights.months_table": "Posts per month as a table",
    "insights.coverage": "Coverage by persona and category",
    "insights.coverage_caption": (
        "All published posts; an empty cell is a persona we have not written for in that category."
    ),
    "insights.coverage_table": "Coverage as a table",
    "insights.authors": "Authors",
    "insights.timeline_caption": (
        "Posts per author from {start} to {end}: filled dots are published, rings are scheduled."
    ),
    "insights.timeline_table": "Author activity as a table",
    "insights.dormant": "Dormant (no post in the last {days} days and none in the next {days}):",
    "insights.without_spokes": "Without spokes (no social profile listed):",
    "insights.none": "none.",
    "insights.none_yet": "None yet.",
    "insights.drafts": "Drafts",
    "insights.drafts_count": {"one": "{count} draft", "other": "{count} drafts"},
    "insights.drafts_stale": "{stale} older than {days} days.",
    "insights.days": {"one": "{count} day", "other": "{count} days"},
    "insights.col.persona": "Persona",
    "insights.col.category": "Category",
    "insights.col.month": "Month",
    "insights.col.posts": "Posts",
    "insights.col.author": "Author",
    "insights.col.role": "Role",
    "insights.col.last_days": "Last {days}",
    "insights.col.next_days": "Next {days}",
    "insights.col.last_n_days": "Last {days} days",
    "insights.col.all": "All",
    "insights.col.published": "Published",
    "insights.col.scheduled": "Scheduled",
    "insights.col.runway": "Runway (days)",
    "insights.col.last_post": "Last post",
    "insights.col.next_post": "Next post",
    "insights.col.days_since": "Days since",
    "insights.col.spokes": "Spokes",
    "insights.col.status": "Status",
    "insights.flag.former": "former",
    "insights.flag.dormant": "dormant",
    "insights.flag.no_spokes": "no spokes",
    "insights.flag.old": "old",
    "insights.flag.short": "short",
    "chart.months": "Published posts per month, per persona",
    "chart.coverage": "Coverage: published posts per persona and category",
    "chart.timeline": "Author activity",
    "chart.months_none": "No months to show.",
    "chart.months_desc": (
        "Stacked bars, one per month from {first} to {last}: {total} posts published, the most "
        "in {busiest} ({most}). Each bar is split by persona; a post written for two personas "
        "counts once for each. The table below has the numbers."
    ),
    "chart.coverage_desc": (
        "A grid of {personas} personas by {categories} categories; each cell shows how many "
        "published posts serve that persona in that category."
    ),
    "chart.coverage_gaps": {
        "one": "{count} combination has no post yet.",
        "other": "{count} combinations have no post yet.",
    },
    "chart.timeline_desc": (
        "One row per author from {start} to {end}, with a filled dot for each published post "
        "and a ring for each scheduled one. {active} of {total} authors have a post in this "
        "period."
    ),
    "chart.tip": "{name}: {value}",
    "chart.today": "today",
    "chart.no_posts": "no posts in this period",
    "chart.published": {"one": "{count} published", "other": "{count} published"},
    "chart.scheduled": {"one": "{count} scheduled", "other": "{count} scheduled"},
    "chart.state_published": "published",
    "chart.state_scheduled": "scheduled",
    # -- images -----------------------------------------------------------------------
    "image.full": "Full-size image",
    "image.text": "Text version",
    "image.whole": "Show the whole infographic here",
    "image.card_post": "{title}, by {names}",
}
