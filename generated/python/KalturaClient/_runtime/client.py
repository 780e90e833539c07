"""`KalturaClientBase`: builds requests exactly as the official client, sends them, types results.

Request body (a JSON object, in this order, as the official client):
  client configuration (`clientTag`, `apiVersion`, ...), `format`, `ignoreNull` (ours, see
  `KalturaConfiguration.ignoreNull`), the action parameters in declaration order, the request
  configuration (`ks`, `partnerId`, ...) and `kalsig`, an MD5 of the JSON text without it.
  Nested objects have their keys sorted (the official client sorts them before signing).
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING, Any, ClassVar

from ..Base import (
    KALTURA_SERVICE_FORMAT_JSON,
    KALTURA_SERVICE_FORMAT_XML,
    ActionSpec,
    FieldKind,
    KalturaConfiguration,
    KalturaObjectBase,
    ResultSpec,
)
from ..exceptions import KalturaClientException, KalturaException

# codec, json, hashlib and logging load on the first call, not at `import KalturaClient`.
if TYPE_CHECKING:
    import hashlib
    import json

    from . import codec, logutil
else:
    codec = json = hashlib = logutil = None


_dumps: Any = None


def _load() -> None:
    global codec, json, hashlib, logutil, _dumps
    import hashlib
    import json
    import json.encoder

    from . import codec, logutil

    # json.dumps() with its default settings, minus per-call set-up: the C encoder is made
    # once (no circular-reference markers: request dicts are trees built here).
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pure-Python json (no C accelerator)
        _dumps = json.dumps
    else:
        encoder = make(
            None,
            json.JSONEncoder().default,
            json.encoder.encode_basestring_ascii,
            None,
            ": ",
            ", ",
            False,
            False,
            True,
        )

        def _dumps(value: Any) -> str:
            return "".join(encoder(value, 0))


__all__ = ["KalturaClientBase", "MultiRequestSubResult"]

_FILE = FieldKind.FILE
_OBJECT = FieldKind.OBJECT

# Actions that only read, so a 502/503/504 may be retried (never actions with files): the
# verb is one of these, alone or followed by a capital (`get`, `listByEntry`, `isFlagged`).
_IDEMPOTENT_VERBS = ("get", "list", "count", "serve", "search", "is")


_idempotent_cache: dict[str, bool] = {}


def is_idempotent(action: str) -> bool:
    """Whether an action name is a read that is safe to repeat (`get`, `list`, `serve`...)."""
    known = _idempotent_cache.get(action)
    if known is None:
        known = not action.startswith("getOrCreate") and any(
            action == verb or (action.startswith(verb) and action[len(verb)].isupper())
            for verb in _IDEMPOTENT_VERBS
        )
        _idempotent_cache[action] = known
    return known


class MultiRequestSubResult:
    """A reference to a multi-request result, sent as `{N:result:path}` in later calls."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __str__(self) -> str:
        return "{%s}" % self.value

    __repr__ = __str__

    def __getattr__(self, name: str) -> MultiRequestSubResult:
        if name.startswith("__") or name.endswith("__"):
            raise AttributeError(name)
        return MultiRequestSubResult(f"{self.value}:{name}")

    def __getitem__(self, key: object) -> MultiRequestSubResult:
        return MultiRequestSubResult(f"{self.value}:{key}")


class _Queued:
    __slots__ = ("files", "params", "spec")

    def __init__(self, spec: ActionSpec, params: dict[str, Any], files: dict[str, Any]) -> None:
        self.spec = spec
        self.params = params
        self.files = files


def _sorted_nested(value: dict[str, Any]) -> dict[str, Any]:
    """Keys sorted recursively through dicts (not through lists), as the official signer."""
    return {
        key: _sorted_nested(item) if type(item) is dict else item
        for key, item in sorted(value.items())
    }


def _config_value(out: dict[str, Any], key: str, value: Any) -> None:
    """Add one configuration value as the official client does (unset values skipped)."""
    if type(value) is str:
        out[key] = value
    elif value is NotImplemented:
        return
    elif value is None:
        out[key + "__null"] = ""
    elif isinstance(value, KalturaObjectBase):
        out[key] = codec.object_to_wire(value)
    else:
        out[key] = codec.scalar_to_wire(value)


class KalturaClientBase:
    """The schema-independent part of `KalturaClient` (the generated subclass adds services
    and configuration accessors)."""

    API_VERSION: ClassVar[str] = ""
    CLIENT_TAG: ClassVar[str] = "python:kaltura-codegen"
    VOLATILE_REQUEST_CONFIGURATION: ClassVar[tuple[str, ...]] = ("responseProfile",)

    def __init__(self, config: KalturaConfiguration, remove_data_content: bool = False) -> None:
        self.config = config
        # Official option: blank out <dataContent> elements of XML responses before parsing
        # (they may hold binary data that is not valid UTF-8).
        self.remove_data_content = remove_data_content
        self._pending: _Queued | None = None
        self.clientConfiguration: dict[str, Any] = {
            "clientTag": self.CLIENT_TAG,
            "apiVersion": self.API_VERSION,
        }
        self.requestConfiguration: dict[str, Any] = {}
        self.requestHeaders: dict[str, str] = {}
        self.responseHeaders: Any = None
        self.executionTime: float | None = None
        self._queue: list[_Queued] | None = None
        self._abort_on_error = False
        self._transport: Any = None

    # -- configuration -------------------------------------------------------------------
    def getConfig(self) -> KalturaConfiguration:
        return self.config

    def setConfig(self, config: KalturaConfiguration) -> None:
        self.config = config
        self._transport = None

    def close(self) -> None:
        """Release pooled connections."""
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def __enter__(self) -> KalturaClientBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _reset_volatile(self) -> None:
        config = self.requestConfiguration
        if config:
            for key in self.VOLATILE_REQUEST_CONFIGURATION:
                if key in config:
                    del config[key]

    # -- request building ------------------------------------------------------------------
    def _action_params(
        self, spec: ActionSpec, args: tuple[Any, ...], out: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Action parameters then request configuration (added to `out`, default a new dict);
        file parameters separately."""
        if codec is None:
            _load()
        if out is None:
            out = {}
        files: dict[str, Any] = {}
        for param, value in zip(spec.params, args):
            if value is NotImplemented:
                continue
            kind = param.kind
            if kind == _FILE:
                if value is not None:
                    files[param.name] = value
                continue
            if value is None:
                out[param.name + "__null"] = ""
            elif kind < _OBJECT:
                out[param.name] = value if type(value) is str else codec.scalar_to_wire(value)
            else:
                out[param.name] = codec.value_to_wire(kind, value)
        for key, value in self.requestConfiguration.items():
            if type(value) is str:
                out[key] = value
            else:
                _config_value(out, key, value)
        return out, files

    def _envelope(self) -> dict[str, Any]:
        if codec is None:
            _load()
        top: dict[str, Any] = {}
        for key, value in self.clientConfiguration.items():
            if type(value) is str:
                top[key] = value
            else:
                _config_value(top, key, value)
        config = self.config
        top["format"] = str(config.format)
        if getattr(config, "ignoreNull", False):
            top["ignoreNull"] = "1"
        return top

    @staticmethod
    def _sign(top: dict[str, Any]) -> str:
        """Sort nested dicts, sign, and return the JSON body text (with `kalsig`)."""
        if codec is None:
            _load()
        for key, value in top.items():
            if type(value) is dict:
                top[key] = _sorted_nested(value)
        text: str = _dumps(top)
        signature = hashlib.md5(text.encode("utf8")).hexdigest()
        top["kalsig"] = signature
        if len(top) == 1:
            return _dumps(top)  # type: ignore[no-any-return]
        return f'{text[:-1]}, "kalsig": "{signature}"}}'

    def _url(self, spec: ActionSpec | None) -> str:
        base = self.config.serviceUrl + "/api_v3"
        if spec is None:
            return base + "/service/multirequest"
        return f"{base}/service/{spec.service}/action/{spec.action}"

    def build_request(
        self, spec: ActionSpec, args: tuple[Any, ...]
    ) -> tuple[str, str, dict[str, Any]]:
        """(url, JSON body, files) of a single call, without sending it or touching state."""
        params, files = self._action_params(spec, args)
        top = self._envelope()
        top.update(params)
        return self._url(spec), self._sign(top), files

    # -- calls ---------------------------------------------------------------------------
    def _call(self, spec: ActionSpec, args: tuple[Any, ...]) -> Any:
        """Send (or queue, inside a multi-request) one action; the typed result, a
        `MultiRequestSubResult`, or the URL for serve actions."""
        if self._queue is not None and (spec.serve or not spec.multi_request):
            raise KalturaClientException(
                f"{spec.service}.{spec.action} cannot be called inside a multi-request",
                KalturaClientException.ERROR_NOT_IN_MULTI_REQUEST,
            )
        if self._queue is not None:
            params, files = self._action_params(spec, args)
            self._reset_volatile()
            self._queue.append(_Queued(spec, params, files))
            return MultiRequestSubResult(f"{len(self._queue)}:result")
        top, files = self._action_params(spec, args, self._envelope())
        self._reset_volatile()
        if spec.serve:
            return self._serve_url(spec, top)
        self._check_format()
        url = self._url(spec)
        body = self._sign(top)
        data = self._send(url, body, top, files, is_idempotent(spec.action) and not files)
        return self._parse_single(data, spec.result)

    def _serve_url(self, spec: ActionSpec, top: dict[str, Any]) -> str:
        if codec is None:
            _load()
        from urllib.parse import urlencode

        self._sign(top)
        flat: dict[str, Any] = {}
        _flatten(top, flat, "")
        url = self._url(spec) + "?" + urlencode(flat)
        logutil.log_message(self.config, "Returned url [%s]" % logutil.redact_url(url))
        return url

    def _check_format(self) -> None:
        if self.config.format not in (KALTURA_SERVICE_FORMAT_JSON, KALTURA_SERVICE_FORMAT_XML):
            raise KalturaClientException(
                f"unsupported format {self.config.format!r}: use KALTURA_SERVICE_FORMAT_JSON (1) "
                "or KALTURA_SERVICE_FORMAT_XML (2)",
                KalturaClientException.ERROR_FORMAT_NOT_SUPPORTED,
            )

    # -- multi-request -------------------------------------------------------------------
    def startMultiRequest(self, abortOnError: bool = False) -> None:
        """Queue the following calls until `doMultiRequest()`. With `abortOnError` the server
        is asked to stop at the first failing call and `doMultiRequest()` raises it."""
        self._queue = []
        self._abort_on_error = abortOnError

    def isMultiRequest(self) -> bool:
        return self._queue is not None

    def getMultiRequestResult(self) -> MultiRequestSubResult:
        return MultiRequestSubResult(f"{len(self._queue or ())}:result")

    def doMultiRequest(self) -> list[Any]:
        """Send the queued calls in one request; typed results in call order, failed calls as
        `KalturaException` instances (raised instead when `abortOnError` was requested)."""
        queue = self._queue
        abort = self._abort_on_error
        self._queue = None
        self._abort_on_error = False
        if not queue:
            return []
        self._check_format()
        top = self._envelope()
        if abort:
            top["abortOnError"] = "1"
        files: dict[str, Any] = {}
        for index, call in enumerate(queue):
            item = dict(call.params)
            item["service"] = call.spec.service
            item["action"] = call.spec.action
            top[str(index)] = item
            for name, value in call.files.items():
                files[f"{index}:{name}"] = value
        body = self._sign(top)
        idempotent = not files and all(is_idempotent(c.spec.action) for c in queue)
        data = self._send(self._url(None), body, top, files, idempotent)
        results = self._parse_multi(data, [c.spec.result for c in queue])
        if abort:
            for result in results:
                if isinstance(result, KalturaException):
                    raise result
        return results

    # -- transport -----------------------------------------------------------------------
    def _get_transport(self) -> Any:
        if self._transport is None:
            from .transport import Transport

            self._transport = Transport(self.config)
        return self._transport

    def _send(
        self, url: str, body: str, top: dict[str, Any], files: dict[str, Any], idempotent: bool
    ) -> bytes:
        config = self.config
        logging_on = logutil.enabled(config)
        if logging_on:
            logutil.log_request(config, url, top)
        headers = {
            "Accept": (
                "application/json" if config.format == KALTURA_SERVICE_FORMAT_JSON else "text/xml"
            ),
            "Accept-Encoding": "gzip",
        }
        if config.userAgent:
            headers["User-Agent"] = config.userAgent
        if self.requestHeaders:
            headers.update(self.requestHeaders)
        start = time.monotonic()
        response = (self._transport or self._get_transport()).post(
            url, body, files, headers, idempotent
        )
        if logging_on:
            logutil.log_message(
                config, "execution time for [%s]: [%s]" % (url, time.monotonic() - start)
            )
        self.responseHeaders = response.headers
        _check_http(response.status, response.headers, response.data)
        return response.data  # type: ignore[no-any-return]

    # -- responses -----------------------------------------------------------------------
    def _parse_single(self, data: bytes, result: ResultSpec) -> Any:
        # Parsing allocates many objects at once; cyclic GC passes over the fresh element
        # tree would cost more than the parse itself, so GC is paused meanwhile.
        if not gc.isenabled():
            return self._parse_single_now(data, result)
        gc.disable()
        try:
            return self._parse_single_now(data, result)
        finally:
            gc.enable()

    def _parse_single_now(self, data: bytes, result: ResultSpec) -> Any:
        if codec is None:
            _load()
        self.executionTime = None
        if self.config.format == KALTURA_SERVICE_FORMAT_XML:
            node = self._xml_result(data)
            error = _xml_error(node)
            if error is not None:
                raise error
            return codec.value_from_xml(node, result.kind, result.ref)
        if self.config.format != KALTURA_SERVICE_FORMAT_JSON:
            raise KalturaClientException(
                "unsupported format %r" % self.config.format,
                KalturaClientException.ERROR_FORMAT_NOT_SUPPORTED,
            )
        value = self._json_result(data)
        error = _json_error(value)
        if error is not None:
            raise error
        return codec.value_from_json(value, result.kind, result.ref)

    def _parse_multi(self, data: bytes, results: list[ResultSpec]) -> list[Any]:
        if not gc.isenabled():
            return self._parse_multi_now(data, results)
        gc.disable()
        try:
            return self._parse_multi_now(data, results)
        finally:
            gc.enable()

    def _parse_multi_now(self, data: bytes, results: list[ResultSpec]) -> list[Any]:
        if codec is None:
            _load()
        self.executionTime = None
        out: list[Any] = []
        if self.config.format == KALTURA_SERVICE_FORMAT_XML:
            node = self._xml_result(data)
            error = _xml_error(node)
            if error is not None:
                raise error
            items = list(node)
            _check_count(len(items), len(results))
            for item, spec in zip(items, results):
                error = _xml_error(item)
                out.append(
                    error if error is not None else codec.value_from_xml(item, spec.kind, spec.ref)
                )
            return out
        value = self._json_result(data)
        error = _json_error(value)
        if error is not None:
            raise error
        if not isinstance(value, list):
            raise KalturaClientException(
                "multi-request response is not a list",
                KalturaClientException.ERROR_RESULT_NOT_FOUND,
            )
        _check_count(len(value), len(results))
        for item, spec in zip(value, results):
            error = _json_error(item)
            out.append(
                error if error is not None else codec.value_from_json(item, spec.kind, spec.ref)
            )
        return out

    def _xml_result(self, data: bytes) -> Any:
        from .xmlsafe import parse_xml

        if self.remove_data_content:
            import re

            data = re.sub(
                rb"(?s)<dataContent>.*?</dataContent>", b"<dataContent></dataContent>", data
            )

        root = parse_xml(data)
        node = root.find("result")
        if node is None:
            raise KalturaClientException(
                "Could not find result node in response xml",
                KalturaClientException.ERROR_RESULT_NOT_FOUND,
            )
        exec_node = root.find("executionTime")
        if exec_node is not None and exec_node.text:
            try:
                self.executionTime = float(exec_node.text)
            except ValueError:
                pass
        return node

    def _json_result(self, data: bytes) -> Any:
        if codec is None:
            _load()
        try:
            value = json.loads(data)
        except ValueError as error:
            raise KalturaClientException(
                f"Invalid JSON in response: {error}; starts with {data[:200]!r}",
                KalturaClientException.ERROR_INVALID_JSON,
            ) from None
        # OTT wraps results: {"executionTime": ..., "result": ...}
        if (
            type(value) is dict
            and "result" in value
            and "executionTime" in value
            and "objectType" not in value
        ):
            exec_time = value.get("executionTime")
            if isinstance(exec_time, (int, float)):
                self.executionTime = float(exec_time)
            value = value["result"]
            if type(value) is dict and "error" in value and "objectType" not in value:
                value = value["error"]
        return value

    # -- the official low-level API (for code written against KalturaApiClient) -----------
    def queueServiceActionCall(
        self,
        service: str,
        action: str,
        returnType: str | None,
        params: Any = None,
        files: dict[str, Any] | None = None,
    ) -> None:
        """Queue a call from raw `KalturaParams` (as the official generated code does); in a
        multi-request it joins the batch, otherwise `doQueue()` / `getServeUrl()` sends it."""
        if codec is None:
            _load()
        result = ResultSpec(FieldKind.OBJECT if returnType else None, returnType or None)
        spec = ActionSpec(service, action, (), result)
        out = dict(params.get()) if params is not None else {}
        for key, value in self.requestConfiguration.items():
            _config_value(out, key, value)
        self._reset_volatile()
        call = _Queued(spec, out, {k: v for k, v in (files or {}).items() if v is not None})
        if self._queue is not None:
            self._queue.append(call)
        else:
            self._pending = call

    def _take_pending(self) -> _Queued:
        call = self._pending
        self._pending = None
        if call is None:
            raise KalturaClientException(
                "no queued call", KalturaClientException.ERROR_RESULT_NOT_FOUND
            )
        return call

    def getRequestParams(self) -> tuple[str, Any, dict[str, Any]]:
        """(url, KalturaParams with kalsig, files) of the queued call, without sending it."""
        from ..Base import KalturaParams

        call = self._pending
        if call is None:
            raise KalturaClientException(
                "no queued call", KalturaClientException.ERROR_RESULT_NOT_FOUND
            )
        top = self._envelope()
        top.update(call.params)
        self._sign(top)
        params = KalturaParams()
        params.params = top
        return self._url(call.spec), params, dict(call.files)

    def getServeUrl(self) -> str:
        """The URL of the queued call (how the official client builds serve URLs)."""
        call = self._take_pending()
        top = self._envelope()
        top.update(call.params)
        return self._serve_url(call.spec, top)

    def doQueue(self) -> Any:
        """Send the queued call as XML and return its `<result>` element (official API);
        raises `KalturaException` for an API error."""
        if self._queue is not None:
            raise KalturaClientException(
                "inside a multi-request use doMultiRequest()",
                KalturaClientException.ERROR_NOT_IN_MULTI_REQUEST,
            )
        call = self._take_pending()
        top = self._envelope()
        top["format"] = str(KALTURA_SERVICE_FORMAT_XML)
        top.update(call.params)
        url = self._url(call.spec)
        body = self._sign(top)
        saved = self.config.format
        self.config.format = KALTURA_SERVICE_FORMAT_XML  # Accept header of the exchange
        try:
            data = self._send(url, body, top, call.files, False)
        finally:
            self.config.format = saved
        node = self._xml_result(data)
        self.throwExceptionIfError(node)
        return node

    def getExceptionIfError(self, resultNode: Any) -> KalturaException | None:
        return _xml_error(resultNode)

    def throwExceptionIfError(self, resultNode: Any) -> None:
        error = _xml_error(resultNode)
        if error is not None:
            raise error

    def log(self, msg: str) -> None:
        if codec is None:
            _load()
        logutil.log_message(self.config, msg)

    @staticmethod
    def hash(msg: bytes) -> bytes:
        """SHA-1 digest (the official helper used for KS signing)."""
        import hashlib as _hashlib

        return _hashlib.sha1(msg).digest()

    # -- helpers -------------------------------------------------------------------------
    def upload_file(self, source: Any, **options: Any) -> Any:
        """Chunked, resumable upload through `uploadToken` (see `_runtime.upload.upload_file`
        for the options: upload_token_id, file_name, chunk_size, progress, max_chunk_retries).
        Returns the final `KalturaUploadToken`."""
        from .upload import upload_file

        return upload_file(self, source, **options)

    @staticmethod
    def parse_ks(ks: str | bytes, adminSecret: str | bytes | None = None) -> Any:
        """Open a v1 or v2 KS (`KSInfo`: partner, user, type, expiry, privileges, validity)."""
        from . import ks as ks_module

        return ks_module.parse_ks(ks, adminSecret)

    # -- sessions ------------------------------------------------------------------------
    @staticmethod
    def generateSession(
        adminSecretForSigning: str | bytes,
        userId: str,
        type: int,
        partnerId: int,
        expiry: int = 86400,
        privileges: str = "",
    ) -> str:
        """A version 1 KS (see `KalturaClient._runtime.ks`)."""
        from . import ks

        return ks.generate_session_v1(
            adminSecretForSigning, userId, type, partnerId, expiry, privileges
        )

    @staticmethod
    def generateSessionV2(
        adminSecretForSigning: str | bytes,
        userId: str,
        type: int,
        partnerId: int,
        expiry: int = 86400,
        privileges: str = "",
    ) -> str:
        """A version 2 (encrypted) KS (see `KalturaClient._runtime.ks`)."""
        from . import ks

        return ks.generate_session_v2(
            adminSecretForSigning, userId, type, partnerId, expiry, privileges
        )


def _flatten(data: dict[str, Any], out: dict[str, Any], base: str) -> None:
    for key, value in data.items():
        out_key = key if base == "" else f"{base}[{key}]"
        if type(value) is dict:
            _flatten(value, out, out_key)
        else:
            out[out_key] = value


def _check_count(got: int, expected: int) -> None:
    if got != expected:
        raise KalturaClientException(
            f"multi-request returned {got} results for {expected} calls",
            KalturaClientException.ERROR_RESULT_NOT_FOUND,
        )


def _check_http(status: int, headers: Any, data: bytes) -> None:
    content_type = str(headers.get("Content-Type", "") if headers is not None else "")
    head = data[:512].lstrip().lower()
    is_html = "text/html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html"))
    if status >= 400 or not 200 <= status < 300:
        snippet = data[:300].decode("utf8", "replace")
        raise KalturaClientException(
            f"HTTP {status} from the server: {snippet!r}",
            KalturaClientException.ERROR_HTTP_STATUS,
            status,
        )
    if is_html:
        snippet = data[:300].decode("utf8", "replace")
        raise KalturaClientException(
            f"The server returned an HTML page instead of an API response: {snippet!r}",
            KalturaClientException.ERROR_INVALID_XML,
            status,
        )


def _xml_error(node: Any) -> KalturaException | None:
    type_node = node.find("objectType")
    if type_node is not None:
        # an object result: an error only if it is the exception object itself (an object
        # with a property named "error" is not an error)
        if type_node.text != "KalturaAPIException":
            return None
        error = node
    else:
        error = node.find("error")
        if error is None:
            return None
    code = error.find("code")
    message = error.find("message")
    if code is None or message is None:
        return None
    arguments: dict[str, str] = {}
    args = error.find("args")
    if args is not None:
        for item in args:
            name = item.find("name")
            value = item.find("value")
            if name is not None:
                arguments[name.text or ""] = (value.text or "") if value is not None else ""
    return KalturaException(message.text or "", code.text or "", arguments)


def _json_error(value: Any) -> KalturaException | None:
    if type(value) is not dict or value.get("objectType") != "KalturaAPIException":
        return None
    arguments: dict[str, str] = {}
    args = value.get("args")
    if isinstance(args, dict):
        arguments = {str(k): "" if v is None else str(v) for k, v in args.items()}
    elif isinstance(args, list):
        for item in args:
            if isinstance(item, dict) and "name" in item:
                raw = item.get("value")
                arguments[str(item["name"])] = "" if raw is None else str(raw)
    return KalturaException(str(value.get("message", "")), str(value.get("code", "")), arguments)
