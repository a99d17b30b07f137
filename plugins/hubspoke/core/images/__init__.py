"""Images: inspection, the variant plan, encoding, social cards, SVG and markup."""
