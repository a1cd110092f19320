"""The Discord layer: the bot (``client``), how it runs (``launcher``, ``service``,
``heartbeat``), what it does (``features``: one cog a feature) and what members click
(``ui``: views, items, embeds, the custom-id codec). Cogs and views depend on the small
``protocol.BotLike``, not on the client module.
"""
