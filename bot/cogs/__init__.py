"""The Discord-facing features, one cog a module."""
