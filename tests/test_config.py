"""Settings: a value that is not what it claims is refused with the valid form, and an error
message never shows a value that could be the token."""

from __future__ import annotations

import base64

import pytest

from bot.config import HIDDEN_VALUE, SettingsError, load_settings

APP_ID = 1234567890123456789
TOKEN = (
    base64.b64encode(str(APP_ID).encode()).decode().rstrip("=")
    + ".GhIjKl.s3cr3t-part_of-the-token-abcdef"
)
SECRET = TOKEN.rsplit(".", 1)[1]


def refused(**environ: str) -> str:
    with pytest.raises(SettingsError) as caught:
        load_settings(environ)
    return str(caught.value)


@pytest.mark.parametrize(
    ("name", "value", "valid"),
    [
        ("MEMBER_ANSWERS_PER_MINUTE", "2.7", "must be a whole number from 1 to 60"),
        ("MEMBER_ANSWERS_PER_MINUTE", "0", "must be a whole number from 1 to 60"),
        ("MEMBER_ANSWERS_PER_MINUTE", "61", "must be a whole number from 1 to 60"),
        ("SHARD_COUNT", "1.5", "must be a whole number from 1 to 1000"),
        ("SHARD_COUNT", "0", "must be a whole number from 1 to 1000"),
        ("ANSWER_THRESHOLD", "nan", "must be a number from 0 to 100"),
        ("ANSWER_THRESHOLD", "101", "must be a number from 0 to 100"),
        ("PASSIVE_THRESHOLD", "-1", "must be a number from 0 to 100"),
        ("SUGGEST_THRESHOLD", "1_0", "must be a number from 0 to 100"),
        ("ANSWER_COOLDOWN_SECONDS", "inf", "must be a number from 0 to 86400"),
        ("UNANSWERED_RETENTION_DAYS", "0", "must be a number from 1 to 3650"),
        ("MESSAGE_CONTENT_INTENT", "yes", "must be one of: auto, true, false"),
        ("LOG_LEVEL", "verbose", "must be one of: DEBUG, INFO, WARNING, ERROR, CRITICAL"),
        ("DEV_GUILD_ID", "-5", "is not a Discord id: ids are numbers of 17 to 20 digits"),
        ("DEV_GUILD_ID", "12345", "is not a Discord id"),
        ("DISCORD_APPLICATION_ID", "\uff11" * 18, "is not a Discord id"),
    ],
)
def test_a_value_that_is_not_what_it_claims_is_refused_with_the_valid_form(
    name: str, value: str, valid: str
) -> None:
    assert refused(**{name: value}).startswith(f"{name}={value!r} {valid}")


def test_a_bad_id_in_a_list_is_named_and_the_list_form_explained() -> None:
    error = refused(PASSIVE_CHANNELS="123456789012345678, general")
    assert error.startswith("PASSIVE_CHANNELS='general' is not a Discord id")
    assert error.endswith("separated by commas")


def test_good_values_are_read() -> None:
    settings = load_settings(
        {
            "MEMBER_ANSWERS_PER_MINUTE": "7",
            "SHARD_COUNT": "2",
            "ANSWER_THRESHOLD": "60.5",
            "SUGGEST_THRESHOLD": "60.5",
            "PASSIVE_CHANNELS": "123456789012345678,223456789012345678",
            "DEV_GUILD_ID": " 323456789012345678 ",
            "LOG_LEVEL": "debug",
        }
    )
    assert settings.member_answers_per_minute == 7 and settings.shard_count == 2
    assert settings.answer_threshold == settings.suggest_threshold == 60.5
    assert settings.passive_channels == {123456789012345678, 223456789012345678}
    assert settings.dev_guild_id == 323456789012345678
    assert settings.log_level == "DEBUG"
    assert load_settings({}).shard_count is None


def test_suggest_threshold_above_answer_threshold_is_refused() -> None:
    error = refused(ANSWER_THRESHOLD="50", SUGGEST_THRESHOLD="60")
    assert error.startswith("SUGGEST_THRESHOLD (60) must not be above ANSWER_THRESHOLD (50)")
    assert "SUGGEST_THRESHOLD" in refused(SUGGEST_THRESHOLD="99")  # above the default 55


VARIABLES = [
    "ANSWER_THRESHOLD",
    "SUGGEST_THRESHOLD",
    "PASSIVE_THRESHOLD",
    "ANSWER_COOLDOWN_SECONDS",
    "UNANSWERED_RETENTION_DAYS",
    "MEMBER_ANSWERS_PER_MINUTE",
    "SHARD_COUNT",
    "PASSIVE_CHANNELS",
    "DEV_GUILD_ID",
    "DISCORD_APPLICATION_ID",
    "MESSAGE_CONTENT_INTENT",
    "LOG_LEVEL",
]


@pytest.mark.parametrize("name", VARIABLES)
def test_the_token_in_the_wrong_variable_is_never_echoed(name: str) -> None:
    for environ in ({name: TOKEN}, {name: TOKEN, "DISCORD_TOKEN": TOKEN}):
        error = refused(**environ)
        assert error == f"{name}={HIDDEN_VALUE} " + error.split(f"{HIDDEN_VALUE} ", 1)[1]
        assert SECRET not in error and "GhIjKl" not in error


@pytest.mark.parametrize("name", VARIABLES)
def test_a_piece_of_the_configured_token_is_never_echoed(name: str) -> None:
    for piece in ("GhIjKl", SECRET[:18]):
        error = refused(**{name: piece, "DISCORD_TOKEN": TOKEN})
        assert piece not in error and HIDDEN_VALUE in error


@pytest.mark.parametrize("name", ["KNOWLEDGE_PATH", "DATA_DIR", "DATABASE_PATH"])
def test_a_token_given_as_a_path_is_refused_without_showing_it(name: str) -> None:
    error = refused(**{name: TOKEN})
    assert error == f"{name} holds what looks like a Discord token, not a path"
    error = refused(**{name: f"/srv/{TOKEN[:-3]}", "DISCORD_TOKEN": TOKEN[:-3]})
    assert SECRET[:10] not in error


def test_a_short_value_that_is_not_the_token_is_shown() -> None:
    assert refused(DEV_GUILD_ID="my-server", DISCORD_TOKEN=TOKEN) == (
        "DEV_GUILD_ID='my-server' is not a Discord id: ids are numbers of 17 to 20 digits "
        "(Developer Mode on, right-click, Copy ID)"
    )
