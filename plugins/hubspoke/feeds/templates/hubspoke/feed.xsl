<?xml version="1.0" encoding="UTF-8"?>
{#- The feed stylesheet, a theme template like Hubspoke's others: a site's
    overrides/hubspoke/feed.xsl replaces it. Its texts are the label catalogue's in the
    site's language; what it prints is escaped (every hubspoke/ template escapes). -#}
<!-- Shows an RSS 2.0 or Atom 1.0 feed of the hub as a readable page when it is
     opened in a browser; feed readers ignore it. It loads nothing else. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>

  <xsl:template match="/">
    <html lang="{/rss/channel/language | /atom:feed/@xml:lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> ({{ hubspoke_labels.text("feed.web_feed") }})</title>
        <style>
          body { font: 1rem/1.6 system-ui, sans-serif; margin: 0; color: #1f2330; background: #fafafa; }
          main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          .note { background: #e8eaf6; border-radius: .5rem; padding: .75rem 1rem; }
          h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 .5rem; }
          ul { list-style: none; padding: 0; }
          li { padding: .75rem 0; border-bottom: 1px solid #ddd; }
          a { color: #283593; }
          small { display: block; color: #555; }
        </style>
      </head>
      <body>
        <main>
          <p class="note">{{ hubspoke_labels.text("feed.stylesheet_note") }}</p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
          <p><a href="{/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href}">{{ hubspoke_labels.text("feed.read_on_site") }}</a></p>
          <ul>
            <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <a href="{link}"><xsl:value-of select="title"/></a>
      <small>
        <xsl:value-of select="substring(pubDate, 6, 11)"/>
        <xsl:for-each select="dc:creator">
          <xsl:choose>
            <xsl:when test="position() = 1"> · </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </small>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <small>
        <xsl:value-of select="substring(atom:published, 1, 10)"/>
        <xsl:for-each select="atom:author">
          <xsl:choose>
            <xsl:when test="position() = 1"> · </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="atom:name"/>
        </xsl:for-each>
      </small>
    </li>
  </xsl:template>
</xsl:stylesheet>
