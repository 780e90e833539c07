"""Safe XML parsing of API responses with the stdlib C parser (`xml.etree`).

A Kaltura response never has a document type declaration, so any `<!DOCTYPE` / `<!ENTITY`
is rejected before parsing: without a DTD no entity can be declared, expanded or fetched
(no "billion laughs", no external entities, no network). Malformed or truncated documents
raise a `KalturaClientException`; nothing is "recovered".
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..exceptions import KalturaClientException

__all__ = ["parse_xml"]


def parse_xml(data: bytes) -> ET.Element:
    """The root element of `data`, or `KalturaClientException(ERROR_INVALID_XML)`."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise KalturaClientException(
            "Refusing to parse a response with a DTD or entity declarations",
            KalturaClientException.ERROR_INVALID_XML,
        )
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        snippet = data[:200].decode("utf8", "replace")
        raise KalturaClientException(
            f"Invalid XML in response ({error}); starts with {snippet!r}",
            KalturaClientException.ERROR_INVALID_XML,
        ) from None
