"""Safe XML parsing of API responses with the stdlib C parser (`xml.etree`).

A Kaltura response never has a document type declaration, so any `<!DOCTYPE` / `<!ENTITY`
is rejected before parsing: without a DTD no entity can be declared, expanded or fetched
(no "billion laughs", no external entities, no network). Kaltura answers in UTF-8, so the
byte scan is complete only if the document is UTF-8 (or ASCII): a UTF-16/32 document (BOM,
NUL bytes, or an `encoding=` other than UTF-8/ASCII in the XML declaration) could hide a
DTD from it and is refused too. Malformed or truncated documents raise a
`KalturaClientException`; nothing is "recovered".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..exceptions import KalturaClientException

__all__ = ["parse_xml"]


def parse_xml(data: bytes) -> ET.Element:
    """The root element of `data`, or `KalturaClientException(ERROR_INVALID_XML)`."""
    _check_encoding(data)
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


_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
# ASCII-compatible encodings, in which the byte scan for "<!DOCTYPE" is complete.
_UTF8_NAMES = frozenset((b"utf-8", b"utf8", b"us-ascii", b"ascii", b"iso-8859-1", b"latin-1"))


def _check_encoding(data: bytes) -> None:
    head = data[:256]
    declared = _DECLARATION.match(head)
    if (
        b"\x00" in head[:4]
        or head.startswith((b"\xff\xfe", b"\xfe\xff"))
        or (declared is not None and declared.group(1).lower() not in _UTF8_NAMES)
    ):
        name = declared.group(1).decode("ascii", "replace") if declared else "UTF-16/32"
        raise KalturaClientException(
            f"Refusing to parse a response in {name}: Kaltura responses are UTF-8",
            KalturaClientException.ERROR_INVALID_XML,
        )
