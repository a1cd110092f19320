"""What members see and click: embeds, views, persistent items and their custom ids."""
