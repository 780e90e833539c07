"""Exceptions raised by the client (same classes, constructor order and codes as the official).

`KalturaException` is an error returned by the API (its `code` is the server's error code,
e.g. "ENTRY_ID_NOT_FOUND"); `KalturaClientException` is an error on this side: connection,
HTTP status, unparsable response, invalid use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["KalturaClientException", "KalturaException"]


class KalturaException(Exception):
    """An error returned by the Kaltura API.

    Attributes:
      message: the server's message, with its arguments already substituted.
      code: the server's error code (a string such as "ENTRY_ID_NOT_FOUND").
      arguments: the error's named arguments (`{"ENTRY_ID": "0_abc"}`), also readable as
        `args` for compatibility with other Kaltura clients.
    """

    def __init__(self, message: str, code: str, arguments: dict[str, str] | None = None) -> None:
        super().__init__(message, code)
        self.message = message
        self.code = code
        self.arguments: dict[str, str] = dict(arguments or {})

    @property  # type: ignore[override]
    def args(self) -> dict[str, str]:  # noqa: D401 - mirrors KalturaAPIException.args
        """The error's named arguments (a dict, unlike `BaseException.args`)."""
        return self.arguments

    @args.setter
    def args(self, value: Any) -> None:
        BaseException.args.__set__(self, value)  # type: ignore[attr-defined]

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.code, self.arguments))

    def __str__(self) -> str:
        return f"{self.message} ({self.code})"

    def __repr__(self) -> str:
        return f"KalturaException({self.message!r}, {self.code!r}, {self.arguments!r})"


class KalturaClientException(Exception):
    """An error detected by the client; `code` is one of the ERROR_* constants."""

    ERROR_GENERIC = -1
    ERROR_INVALID_XML = -2
    ERROR_FORMAT_NOT_SUPPORTED = -3
    ERROR_CONNECTION_FAILED = -4
    ERROR_READ_FAILED = -5
    ERROR_INVALID_PARTNER_ID = -6
    ERROR_INVALID_OBJECT_TYPE = -7
    ERROR_RESULT_NOT_FOUND = -8
    ERROR_READ_TIMEOUT = -9
    ERROR_READ_GZIP_FAILED = -10
    # Added by this client (not in the official one).
    ERROR_HTTP_STATUS = -11
    ERROR_INVALID_JSON = -12
    ERROR_NOT_IN_MULTI_REQUEST = -13
    ERROR_INVALID_KS = -14
    ERROR_RESPONSE_TOO_LARGE = -15

    def __init__(self, message: Any, code: int, status: int | None = None) -> None:
        super().__init__(message, code)
        self.message = message
        self.code = code
        self.status = status

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.code, self.status))

    def __str__(self) -> str:
        return f"{self.message} ({self.code})"
