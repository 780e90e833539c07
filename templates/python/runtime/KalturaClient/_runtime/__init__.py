"""The hand-written wire runtime of the generated client (not schema specific).

Modules: `registry` (lazy name -> class resolution), `codec` (objects <-> wire dicts, XML and
JSON parsing), `client` (`KalturaClientBase`: requests, multi-request, serve URLs),
`transport` (HTTP over urllib3, multipart streaming, retries), `xmlsafe` (safe XML parsing),
`ks` (sessions), `upload` (chunked uploads), `logutil` (redaction).
"""
