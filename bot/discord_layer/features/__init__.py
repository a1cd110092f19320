"""The bot's features, one cog each: answering, browsing, feedback, settings, privacy, admin."""
