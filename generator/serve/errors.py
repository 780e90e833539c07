"""Kaltura API errors as the fake server raises them.

Codes and messages come from the schema's `<errors>` section when it declares them (OVP
schemas do); the built-in table below is only the fallback for schemas that do not (old
OVP, OTT), so the envelope always carries a stable code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.model import ErrorDef, Schema

__all__ = ["ApiError", "ErrorCatalog"]

# name -> (message with @PLACEHOLDER@s, parameter names); the wording Kaltura uses.
_BUILTIN: dict[str, tuple[str, tuple[str, ...]]] = {
    "INTERNAL_SERVER_ERROR": ("Internal server error @ERR_TEXT@", ("ERR_TEXT",)),
    "SERVICE_DOES_NOT_EXISTS": ('Service "@SRV_NAME@" does not exists', ("SRV_NAME",)),
    "ACTION_DOES_NOT_EXISTS": (
        'Action "@ACTION_NAME@" does not exists for service "@SERVICE_NAME@"',
        ("ACTION_NAME", "SERVICE_NAME"),
    ),
    "MISSING_KS": ("Missing KS, session not established", ()),
    "INVALID_KS": (
        'Invalid KS "@KSID@", Error "@ERR_CODE@,@ERR_DESC@"',
        ("KSID", "ERR_CODE", "ERR_DESC"),
    ),
    "MISSING_MANDATORY_PARAMETER": ('Missing parameter "@PARAM_NAME@"', ("PARAM_NAME",)),
    "INVALID_PARAMETER_VALUE": ('invalid value for parameter "@PARAM_NAME@"', ("PARAM_NAME",)),
    "INVALID_ENUM_VALUE": (
        'Invalid enumeration value "@ENUM_VAL@" for parameter "@PARAM_NAME@", expecting '
        'enumeration type "@ENUM_TYPE@"',
        ("ENUM_VAL", "PARAM_NAME", "ENUM_TYPE"),
    ),
    "INVALID_OBJECT_TYPE": ('Invalid object type "@INVALID_OBJ_TYPE@"', ("INVALID_OBJ_TYPE",)),
    "OBJECT_TYPE_ABSTRACT": (
        'The object type "@OBJ_TYPE@" is abstract, use one of the object implementations',
        ("OBJ_TYPE",),
    ),
    "PROPERTY_VALIDATION_NOT_UPDATABLE": (
        'The property "@PROP_NAME@" cannot be updated',
        ("PROP_NAME",),
    ),
    "OBJECT_NOT_FOUND": ("Object not found", ()),
    "PROPERTY_VALIDATION_MIN_LENGTH": (
        'The property "@PROP_NAME@" must have a min length of @MIN_LEN@ characters',
        ("PROP_NAME", "MIN_LEN"),
    ),
    "PROPERTY_VALIDATION_MAX_LENGTH": (
        'The property "@PROP_NAME@" cannot have more than @MAX_LEN@ characters',
        ("PROP_NAME", "MAX_LEN"),
    ),
    "PROPERTY_VALIDATION_MIN_VALUE": (
        'The property "@PROP_NAME@" must have a min value of @MIN_VAL@',
        ("PROP_NAME", "MIN_VAL"),
    ),
    "PROPERTY_VALIDATION_MAX_VALUE": (
        'The property "@PROP_NAME@" must have a max value of @MAX_VAL@',
        ("PROP_NAME", "MAX_VAL"),
    ),
    "INVALID_OBJECT_ID": ("Invalid object id [@ID@]", ("ID",)),
    "START_SESSION_ERROR": ("Error while starting session for partner [@PID@]", ("PID",)),
    "INVALID_PARTNER_ID": ('Invalid partner id "@PID@"', ("PID",)),
    "USER_NOT_FOUND": ("User was not found", ()),
    "USER_WRONG_PASSWORD": ("Wrong password supplied", ()),
    "UPLOADED_FILE_NOT_FOUND_BY_TOKEN": (
        "The uploaded file was not found by the given token id, or was already used",
        (),
    ),
    "UPLOAD_TOKEN_NOT_FOUND": ("Upload token not found", ()),
    "SERVICE_FORBIDDEN": ("The access to service [@SERVICE@] is forbidden", ("SERVICE",)),
    "REQUEST_TOO_LARGE": ("Request body exceeds the limit of @LIMIT@ bytes", ("LIMIT",)),
    "INVALID_REQUEST_BODY": ("The request body could not be read: @REASON@", ("REASON",)),
    "CRITERIA_EXCEEDED_MAX_MATCHES_ALLOWED": (
        "Unable to generate list. max matches value was reached",
        (),
    ),
    "QUERY_EXCEEDED_MAX_MATCHES_ALLOWED": (
        "Unable to generate list. max matches value was reached",
        (),
    ),
}

_PLACEHOLDER = re.compile(r"@([A-Za-z0-9_]+)@")


@dataclass
class ApiError(Exception):
    """A Kaltura API exception: rendered as the error envelope, never a crash."""

    code: str
    message: str
    args_: Mapping[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.message} ({self.code})"


class ErrorCatalog:
    """Builds `ApiError`s by name, preferring the schema's own definition."""

    def __init__(self, schema: Schema) -> None:
        self._errors: Mapping[str, ErrorDef] = schema.errors

    def defined_in_schema(self, name: str) -> bool:
        return name in self._errors

    def make(self, name: str, *values: object) -> ApiError:
        error = self._errors.get(name)
        if error is not None:
            template = error.message or error.description or name
            params = error.parameters or tuple(_PLACEHOLDER.findall(template))
            code = error.code
        else:
            template, params = _BUILTIN.get(name, (name, ()))
            code = name
        args = {p: ("" if i >= len(values) else str(values[i])) for i, p in enumerate(params)}
        message = _PLACEHOLDER.sub(lambda m: args.get(m.group(1), m.group(0)), template)
        return ApiError(code, message, args)
