"""Logging with secrets redacted: the stdlib logger "KalturaClient" and the official
`config.setLogger(IKalturaLogger)` hook both receive only redacted text."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

__all__ = ["LOGGER", "enabled", "log_message", "log_request", "redact", "redact_url"]

LOGGER = logging.getLogger("KalturaClient")

REDACTED = "***"
_SECRET_KEY = re.compile(r"(?i)^(ks|.*secret.*|.*password.*|.*privatekey.*|sessionid|token)$")
_SECRET_QUERY = re.compile(
    r"(?i)([?&](?:[^=&]*\[)?(?:ks|[^=&\]]*secret[^=&\]]*|[^=&\]]*password[^=&\]]*)\]?=)[^&]*"
)


def is_secret_key(key: str) -> bool:
    """Whether a parameter name holds a secret (ks, *secret*, *password*, ...)."""
    base = key[:-6] if key.endswith("__null") else key
    return bool(_SECRET_KEY.match(base))


def redact(value: Any) -> Any:
    """A copy of request parameters with every secret value replaced by "***"."""
    if isinstance(value, dict):
        return {
            key: (REDACTED if is_secret_key(str(key)) and item != "" else redact(item))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item) for item in value]
    return value


def redact_url(url: str) -> str:
    """A URL with secret query parameters (ks=..., ...secret...=) replaced by "***"."""
    return _SECRET_QUERY.sub(lambda m: m.group(1) + REDACTED, url)


def enabled(config: Any) -> bool:
    """Whether anything would be logged (stdlib DEBUG or an official-style logger)."""
    return LOGGER.isEnabledFor(logging.DEBUG) or getattr(config, "logger", None) is not None


def log_message(config: Any, message: str) -> None:
    if LOGGER.isEnabledFor(logging.DEBUG):
        LOGGER.debug("%s", message)
    official = getattr(config, "logger", None)
    if official is not None:
        official.log(message)


def log_request(config: Any, url: str, params: dict[str, Any]) -> None:
    if not enabled(config):
        return
    log_message(config, "request url: [%s]" % redact_url(url))
    log_message(config, "request json: [%s]" % json.dumps(redact(params)))
