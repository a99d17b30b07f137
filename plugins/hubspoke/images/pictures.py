"""The markup of pictures and infographics: the theme's templates (a site's overrides win).

`core/images/markup.py` decides which `<img>` becomes what and gives the views; here they
become HTML through `hubspoke/partials/picture.html` and `infographic.html`, each looked
up once per build. The `<img>` inside a picture is written by `core/html.render_tag`
(every value escaped once) and handed to the template as markup, with its attributes.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from hubspoke.core.html import render_tag
from hubspoke.core.images.markup import InfographicView, PictureView

PICTURE = "hubspoke/partials/picture.html"
INFOGRAPHIC = "hubspoke/partials/infographic.html"


class TemplateMarkup:
    """`ImageMarkup` from templates; `renderer(name)` gives a template's render function
    (`Fragments.renderer`)."""

    def __init__(self, renderer: Callable[[str], Callable[..., Markup]]):
        self._picture = renderer(PICTURE)
        self._infographic = renderer(INFOGRAPHIC)

    # Plain strings out: the core puts them between strings of the page.
    def picture(self, view: PictureView) -> str:
        return str(self._picture_markup(view))

    def infographic(self, view: InfographicView) -> str:
        figure = self._infographic(
            infographic=view,
            preview=self._picture_markup(view.preview),
            whole=self._picture_markup(view.whole) if view.whole else None,
        )
        return str(figure)

    def _picture_markup(self, view: PictureView) -> Markup:
        return self._picture(picture=view, img=Markup(render_tag("img", list(view.img))))
