"""German labels (keys as in en.py)."""

# Nouns keep their capital inside a sentence in German.
LOWERCASE_IN_SENTENCE = False

LABELS = {
    "post.updated": "Aktualisiert",
    "post.by": "Von",
    "post.and": "und",
    "post.in": "In",
    "post.min_read": {"one": "{count} Min. Lesezeit", "other": "{count} Min. Lesezeit"},
    "post.continue": "Weiterlesen",
    "post.written_for": "Geschrieben für",
    "post.disclosure": "Offenlegung",
    "post.tags": "Schlagwörter",
    "post.about_authors": {"one": "Über den Autor", "other": "Über die Autoren"},
    "badge.guest": "Gast",
    "state.draft": "Entwurf",
    "state.scheduled": "Geplant",
    "state.unlisted": "Nicht gelistet",
    "listing.posts": "Beiträge",
    "listing.empty": "Noch keine Beiträge.",
    "pagination.pages": "Seiten",
    "pagination.newer": "← Neuere Beiträge",
    "pagination.older": "Ältere Beiträge →",
    "count.posts": {"one": "{count} Beitrag", "other": "{count} Beiträge"},
    "follow": "Folgen",
    "browse.label": "Im Blog stöbern",
    "browse.categories": "Kategorien",
    "browse.archive": "Archiv",
    "share.label": "Diesen Beitrag teilen",
    "share.title": "Teilen",
    "share.email": "E-Mail",
    "preview.post_draft": "Entwurfsvorschau: Dieser Beitrag ist nicht veröffentlicht.",
    "preview.post_scheduled": "Vorschau: Dieser Beitrag wird am {date} veröffentlicht.",
    "author.about": "Über {name}",
    "author.guest": "Gastautor",
    "author.expert": "Experte",
    "author.former": "Ehemaliger Autor",
    "author.topics": "Schreibt über: {topics}",
    "author.elsewhere": "{name} anderswo",
    "author.posts_by": "Beiträge von {name} ({count})",
    "authors.experts": "Unsere Experten",
    "authors.guests": "Gastautoren",
    "authors.former": "ehemaliger Autor",
    "persona.posts_for": "Beiträge für {name} ({count})",
    "persona.this_reader": "diese Leser",
    "guest.disclosure": "Gastbeitrag: Der Beitrag gibt die Meinung des Autors wieder.",
    "home.for_you": "Finden Sie, was für Sie geschrieben ist",
    "home.latest": "Neueste Beiträge",
    "home.all_posts": "Alle Beiträge →",
    "home.profiles": "{company} in sozialen Netzwerken",
    "home.all_profiles": "Alle unsere Profile →",
    "home.events": "Nächste Termine",
    "home.all_events": "Alle Termine →",
    "notfound.title": "Seite nicht gefunden",
    "notfound.intro": (
        "Unter dieser Adresse gibt es keine Seite. Vielleicht ist sie umgezogen, "
        "oder der Link enthält einen Tippfehler."
    ),
    "notfound.search": "Die Website durchsuchen",
    "notfound.home": "Zur Startseite",
    "notfound.blog": "Im Blog stöbern",
    "notfound.latest": "Neueste Beiträge",
    "hub.official_heading": "Unsere offiziellen Profile",
    "hub.only_official": (
        "Dies sind die einzigen offiziellen Konten von {company}. "
        "Alles andere unter unserem Namen wird nicht von uns betrieben."
    ),
    "hub.network": "Netzwerk",
    "hub.profile": "Profil",
    "hub.purpose": "Wofür es da ist",
    "hub.team": "Betreut von",
    "hub.experts_heading": "Wo unsere Experten sind",
    "hub.official_profiles": "Offizielle Profile",
    "hub.experts_with_profile": "Experten mit Profil",
    "hub.picture_title": "{company}: wo wir aktiv sind",
    "hub.count_official": {"one": "{count} offizielles", "other": "{count} offizielle"},
    "hub.count_experts": {"one": "{count} Experte", "other": "{count} Experten"},
    "hub.no_profiles": "keine Profile",
    "hub.picture_none": "{company} hat noch keine Social-Media-Profile angegeben.",
    "hub.picture_description": (
        "{company} in der Mitte, mit einer Speiche zu jedem Netzwerk, in dem wir aktiv sind. "
        "{items}."
    ),
    "social.company_on": "{company} bei {network}",
    "page.blog": "Blog",
    "page.authors": "Autoren",
    "page.personas": "Zielgruppen",
    "page.hub": "Wo wir aktiv sind",
    "page.insights": "Inhaltsübersicht",
    "page.events": "Termine",
    "page.archive": "Beiträge aus {name}",
    "page.tag": "Schlagwort „{name}“",
    "page.numbered": "{title} (Seite {number})",
    "mastodon.title": "Auf Mastodon teilen",
    "mastodon.intro": (
        "Mastodon hat keine zentrale Website: Geben Sie die Adresse Ihres eigenen Servers ein, "
        "und dessen Teilen-Dialog öffnet sich mit dem Text unten. Ohne JavaScript kopieren Sie "
        "den Text selbst in einen neuen Beitrag."
    ),
    "mastodon.server": "Ihr Mastodon-Server",
    "mastodon.text": "Zu teilender Text",
    "mastodon.submit": "Teilen",
    "mastodon.invalid": "Geben Sie einen Servernamen wie mastodon.social ein.",
    "feed.site_description": "Die neuesten Beiträge von {site}",
    "feed.author_description": "Beiträge von {name}, {about}",
    "feed.category_description": "Beiträge der Kategorie {name} auf {site}",
    "feed.tag_description": "Beiträge mit dem Schlagwort {name} auf {site}",
    "feed.web_feed": "Web-Feed",
    "feed.stylesheet_note": (
        "Dies ist ein Web-Feed. Um neuen Beiträgen zu folgen, kopieren Sie die Adresse dieser "
        "Seite in Ihren Feedreader."
    ),
    "feed.read_on_site": "Auf der Website lesen",
    "events.subscribe_intro": "Alle kommenden Termine in Ihren Kalender:",
    "events.subscribe": "Kalender abonnieren (iCalendar)",
    "events.upcoming": "Demnächst",
    "events.none_upcoming": "Zurzeit sind keine Termine geplant.",
    "events.past": "Vergangen",
    "event.past": "Vergangener Termin",
    "event.all": "Alle Termine",
    "event.when": "Wann",
    "event.where": "Wo",
    "event.and_online": "und online",
    "event.online": "Online",
    "event.speakers": {"one": "Referent", "other": "Referenten"},
    "event.for": "Für",
    "event.register": "Anmelden",
    "event.register_for": "zu {title}",
    "event.join": "Online teilnehmen",
    "event.recording": "Aufzeichnung ansehen",
    "event.recording_of": "von {title}",
    "event.add_calendar": "In den Kalender",
    "event.join_online_at": "Online teilnehmen: {url}",
    "event.with_speakers": "Mit {names}.",
    "event.register_at": "Zur Anmeldung: {url}",
    "event.recording_at": "Aufzeichnung: {url}",
    "event.details_at": "Alle Details: {url}",
    "event.calendar_name": "Termine von {site}",
    "event.preview_draft": "Entwurfsvorschau: Dieser Termin ist nicht veröffentlicht.",
    "event.preview_scheduled": "Vorschau: Dieser Termin wird am {date} angekündigt.",
    "event.status.cancelled": "Abgesagt",
    "event.status.postponed": "Verschoben",
    "event.kind.event": "Veranstaltung",
    "event.kind.webinar": "Webinar",
    "event.kind.workshop": "Workshop",
    "event.kind.conference": "Konferenz",
    "event.kind.trade-fair": "Messe",
    "event.kind.demo": "Produktvorführung",
    "event.kind.talk": "Vortrag",
    "event.kind.meetup": "Treffen",
    "event.kind.training": "Schulung",
    "audio.show": "Podcast von {site}",
    "audio.listen": "Anhören",
    "audio.listen_to": "Anhören: {title}",
    "audio.season": "Staffel {number}",
    "audio.episode": "Folge {number}",
    "audio.type.trailer": "Trailer",
    "audio.type.bonus": "Bonus",
    "audio.download": "Herunterladen ({format}, {size})",
    "audio.download_episode": "Folge herunterladen",
    "audio.transcript": "Transkript",
    "audio.subscribe_show": "{show} abonnieren",
    "audio.subscribe": "Podcast abonnieren",
    "video.play": "Video abspielen",
    "video.play_title": "Video abspielen: {title}",
    "video.transcript": "Transkript",
    "video.captions": "Untertitel",
    "video.captions_file": "Untertitel (WebVTT)",
    "video.download": "Video herunterladen",
    "video.notice": (
        "Wird von {provider} im erweiterten Datenschutzmodus abgespielt; "
        "von {provider} wird nichts geladen, bevor Sie auf Abspielen drücken."
    ),
    "insights.lead": (
        "Stand: {clock}. „Letzte {recent}“ und „letzte {rate}“ zählen die in diesen Tagen "
        "veröffentlichten Beiträge, „nächste {ahead}“ die für die kommenden {ahead} Tage "
        "geplanten. Der Vorlauf gibt an, wie viele Tage die geplanten Beiträge das Tempo der "
        "letzten {rate} Tage halten."
    ),
    "insights.runway_personas": "Vorlauf je Zielgruppe",
    "insights.runway_categories": "Vorlauf je Kategorie",
    "insights.nothing_scheduled": "Nichts geplant für:",
    "insights.nothing_scheduled_none": "niemanden, für jede Zielgruppe ist ein Beitrag geplant.",
    "insights.months": "Beiträge pro Monat",
    "insights.months_caption": (
        "Veröffentlichte Beiträge der letzten {months} Monate, je Zielgruppe."
    ),
    "insights.months_table": "Beiträge pro Monat als Tabelle",
    "insights.coverage": "Abdeckung nach Zielgruppe und Kategorie",
    "insights.coverage_caption": (
        "Alle veröffentlichten Beiträge; ein leeres Feld ist eine Zielgruppe, für die es in "
        "dieser Kategorie noch keinen Beitrag gibt."
    ),
    "insights.coverage_table": "Abdeckung als Tabelle",
    "insights.authors": "Autoren",
    "insights.timeline_caption": (
        "Beiträge je Autor vom {start} bis {end}: volle Punkte sind veröffentlicht, Ringe geplant."
    ),
    "insights.timeline_table": "Aktivität der Autoren als Tabelle",
    "insights.dormant": (
        "Inaktiv (kein Beitrag in den letzten {days} Tagen und keiner in den nächsten {days}):"
    ),
    "insights.without_spokes": "Ohne Kanäle (kein Social-Media-Profil eingetragen):",
    "insights.none": "keine.",
    "insights.none_yet": "Noch keine.",
    "insights.drafts": "Entwürfe",
    "insights.drafts_count": {"one": "{count} Entwurf", "other": "{count} Entwürfe"},
    "insights.drafts_stale": "{stale} davon älter als {days} Tage.",
    "insights.days": {"one": "{count} Tag", "other": "{count} Tage"},
    "insights.col.persona": "Zielgruppe",
    "insights.col.category": "Kategorie",
    "insights.col.month": "Monat",
    "insights.col.posts": "Beiträge",
    "insights.col.author": "Autor",
    "insights.col.role": "Rolle",
    "insights.col.last_days": "Letzte {days}",
    "insights.col.next_days": "Nächste {days}",
    "insights.col.last_n_days": "Letzte {days} Tage",
    "insights.col.all": "Gesamt",
    "insights.col.published": "Veröffentlicht",
    "insights.col.scheduled": "Geplant",
    "insights.col.runway": "Vorlauf (Tage)",
    "insights.col.last_post": "Letzter Beitrag",
    "insights.col.next_post": "Nächster Beitrag",
    "insights.col.days_since": "Tage seitdem",
    "insights.col.spokes": "Kanäle",
    "insights.col.status": "Status",
    "insights.flag.former": "ehemalig",
    "insights.flag.dormant": "inaktiv",
    "insights.flag.no_spokes": "keine Kanäle",
    "insights.flag.old": "alt",
    "insights.flag.short": "knapp",
    "chart.months": "Veröffentlichte Beiträge pro Monat, je Zielgruppe",
    "chart.coverage": "Abdeckung: veröffentlichte Beiträge je Zielgruppe und Kategorie",
    "chart.timeline": "Aktivität der Autoren",
    "chart.months_none": "Keine Monate zu zeigen.",
    "chart.months_desc": (
        "Gestapelte Balken, einer je Monat von {first} bis {last}: {total} veröffentlichte "
        "Beiträge, die meisten im {busiest} ({most}). Jeder Balken ist nach Zielgruppen "
        "aufgeteilt; ein Beitrag für zwei Zielgruppen zählt bei beiden. Die Tabelle darunter "
        "enthält die Zahlen."
    ),
    "chart.coverage_desc": (
        "Ein Raster aus {personas} Zielgruppen und {categories} Kategorien; jedes Feld zeigt, "
        "wie viele veröffentlichte Beiträge sich in dieser Kategorie an diese Zielgruppe richten."
    ),
    "chart.coverage_gaps": {
        "one": "{count} Kombination hat noch keinen Beitrag.",
        "other": "{count} Kombinationen haben noch keinen Beitrag.",
    },
    "chart.timeline_desc": (
        "Eine Zeile je Autor vom {start} bis {end}, mit einem vollen Punkt für jeden "
        "veröffentlichten und einem Ring für jeden geplanten Beitrag. {active} von {total} "
        "Autoren haben in diesem Zeitraum einen Beitrag."
    ),
    "chart.tip": "{name}: {value}",
    "chart.today": "heute",
    "chart.no_posts": "keine Beiträge in diesem Zeitraum",
    "chart.published": {"one": "{count} veröffentlicht", "other": "{count} veröffentlicht"},
    "chart.scheduled": {"one": "{count} geplant", "other": "{count} geplant"},
    "chart.state_published": "veröffentlicht",
    "chart.state_scheduled": "geplant",
    "image.full": "Bild in voller Größe",
    "image.text": "Textfassung",
    "image.whole": "Ganze Infografik hier zeigen",
    "image.card_post": "{title}, von {names}",
}
