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
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, ParamSpec, TypeVar, cast

from ..Base import (
    KALTURA_SERVICE_FORMAT_JSON,
    KALTURA_SERVICE_FORMAT_XML,
    ActionSpec,
    FieldKind,
    IKalturaClientPlugin,
    IKalturaLogger,
    KalturaConfiguration,
    KalturaEnumsFactory,
    KalturaObjectBase,
    KalturaObjectFactory,
    KalturaParams,
    ParamSpec as _ParamSpec,
    PluginServicesProxy,
    ResultSpec,
    getXmlNodeFloat,
    getXmlNodeText,
)
from ..exceptions import KalturaClientException, KalturaException

# codec, json, hashlib and logging load on the first call, not at `import KalturaClient`.
if TYPE_CHECKING:
    import hashlib
    import json

    from . import codec, limits, logutil
else:
    codec = json = hashlib = limits = logutil = None


_dumps: Any = None


def _load() -> None:
    global codec, json, hashlib, limits, logutil, _dumps
    import hashlib
    import json
    import json.encoder

    from . import codec, limits, logutil

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


__all__ = [
    "CLIENT_MODULE_EXPORTS",
    "KalturaClientBase",
    "KalturaServiceActionCall",
    "MultiRequest",
    "MultiRequestHandle",
    "MultiRequestSubResult",
    "debug_requests_off",
    "debug_requests_on",
    "retry_on_exception",
]

_T = TypeVar("_T")
_P = ParamSpec("_P")
_F = TypeVar("_F", bound=Callable[..., Any])
_C = TypeVar("_C", bound="KalturaClientBase")

_FILE = FieldKind.FILE
_OBJECT = FieldKind.OBJECT


def is_idempotent(action: str, service: str = "") -> bool:
    """Whether an action only reads, so it may be repeated after a lost reply (the rule is
    `limits.is_safe_read`: read verbs, never claims such as `batch.getExclusiveJobs`)."""
    from .limits import is_safe_read

    return is_safe_read(service, action)


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


class _Prepared:
    """A request ready to send: URL, signed JSON body, its dict, files, retry safety."""

    __slots__ = ("body", "files", "idempotent", "top", "url")

    def __init__(
        self, url: str, body: str, top: dict[str, Any], files: dict[str, Any], idempotent: bool
    ) -> None:
        self.url = url
        self.body = body
        self.top = top
        self.files = files
        self.idempotent = idempotent


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
    # Official class constants (KS v2 field names and sizes, text encoding).
    RANDOM_SIZE: ClassVar[int] = 16
    FIELD_EXPIRY: ClassVar[str] = "_e"
    FIELD_TYPE: ClassVar[str] = "_t"
    FIELD_USER: ClassVar[str] = "_u"
    ENCODING: ClassVar[str] = "utf8"
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

    def __enter__(self: _C) -> _C:
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
        file parameters separately. An object, array or map argument of the wrong class is a
        `TypeError` naming the parameter, raised before anything is sent or queued."""
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
                # Scalars are not checked: the official client sends str(value) for anything,
                # and real callers rely on it (its own test-suite passes a KalturaPlaylist as
                # playlist.execute's string `detailed`).
                out[param.name] = value if type(value) is str else codec.scalar_to_wire(value)
            else:
                if type(value) is not MultiRequestSubResult:
                    _check_complex(spec, param, value)
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
        prepared = self._prepare(spec, args)
        if type(prepared) is not _Prepared:
            return prepared
        data = self._send(
            prepared.url, prepared.body, prepared.top, prepared.files, prepared.idempotent
        )
        return self._parse_single(data, spec.result)

    def _prepare(self, spec: ActionSpec, args: tuple[Any, ...]) -> Any:
        """Everything of a call before the network (shared by the sync and async clients):
        a `_Prepared` request, or the final value (a multi-request reference, a serve URL)."""
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
        return _Prepared(
            self._url(spec),
            self._sign(top),
            top,
            files,
            not files and limits.is_safe_read(spec.service, spec.action),
        )

    def _prepare_multi(self) -> tuple[_Prepared | None, list[ResultSpec], bool]:
        """The multi-request of the queued calls (None if none), their result specs, and
        whether abortOnError was asked; leaves multi-request mode."""
        queue = self._queue
        abort = self._abort_on_error
        self._queue = None
        self._abort_on_error = False
        if not queue:
            return None, [], abort
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
        idempotent = not files and all(
            limits.is_safe_read(c.spec.service, c.spec.action) for c in queue
        )
        prepared = _Prepared(self._url(None), body, top, files, idempotent)
        return prepared, [c.spec.result for c in queue], abort

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
        prepared, results, abort = self._prepare_multi()
        if prepared is None:
            return []
        data = self._send(
            prepared.url, prepared.body, prepared.top, prepared.files, prepared.idempotent
        )
        return _finish_multi(self._parse_multi(data, results), abort)

    def multi_request(self, abortOnError: bool = False) -> MultiRequest:
        """A typed multi-request (see `MultiRequest`):

        with client.multi_request() as batch:
            entry = batch.add(client.media.get, "0_abc")
            flavors = batch.add(client.flavorAsset.getByEntryId, entry.ref.id)
        entry.result  # KalturaMediaEntry; flavors.result: list[KalturaFlavorAsset]
        """
        self.startMultiRequest(abortOnError)
        return MultiRequest(self)

    # -- pagination ----------------------------------------------------------------------
    def _paginate(self, spec: ActionSpec, args: tuple[Any, ...], **options: Any) -> Iterator[Any]:
        """Every object of a `list` action, page after page, past the 10,000-result window
        (see `pagination.Paginator`)."""
        from .pagination import Paginator

        paginator = Paginator(spec, args, **options)
        while True:
            response = self._call(spec, paginator.next_args())
            yield from paginator.accept(response)
            if not paginator.advance():
                return

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
        enabled = gc.isenabled()
        if enabled:
            gc.disable()
        try:
            return self._parse_single_now(data, result)
        except _MALFORMED as error:
            raise self._malformed(error, data) from error
        finally:
            if enabled:
                gc.enable()

    def _malformed(self, error: BaseException, data: bytes) -> KalturaClientException:
        """A response that parsed but cannot be typed: too deep, numbers out of range,
        values of the wrong JSON type... (never a Python error escaping to the caller)."""
        is_xml = self.config.format == KALTURA_SERVICE_FORMAT_XML
        what = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        return KalturaClientException(
            f"Malformed {'XML' if is_xml else 'JSON'} response: {what}; starts with "
            f"{data[:120]!r}",
            (
                KalturaClientException.ERROR_INVALID_XML
                if is_xml
                else KalturaClientException.ERROR_INVALID_JSON
            ),
        )

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
        enabled = gc.isenabled()
        if enabled:
            gc.disable()
        try:
            return self._parse_multi_now(data, results)
        except _MALFORMED as error:
            raise self._malformed(error, data) from error
        finally:
            if enabled:
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
            value = json.loads(data, parse_constant=_no_constant, parse_float=_finite_float)
        except (ValueError, RecursionError) as error:
            why = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            raise KalturaClientException(
                f"Invalid JSON in response: {why}; starts with {data[:200]!r}",
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
        type_: int,
        partnerId: int,
        expiry: int = 86400,
        privileges: str = "",
    ) -> str:
        """A version 1 KS (see `KalturaClient._runtime.ks`; `type_` as in the official)."""
        from . import ks

        return ks.generate_session_v1(
            adminSecretForSigning, userId, type_, partnerId, expiry, privileges
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


# --------------------------------------------------------------------------------------------
# Argument checks


_param_classes: dict[str, type[Any] | None] = {}


def _param_class(ref: str | None) -> type[Any]:
    if ref is None:
        return KalturaObjectBase
    try:
        cls = _param_classes[ref]
    except KeyError:
        from . import registry

        cls = _param_classes[ref] = registry.object_class(ref)
    return cls or KalturaObjectBase


def _expected(param: _ParamSpec) -> str:
    kind = param.kind
    ref = param.ref or ("KalturaObjectBase" if kind >= _OBJECT else None)
    if kind == FieldKind.ARRAY:
        return f"a list of {ref}"
    if kind == FieldKind.MAP:
        return f"a dict of str to {ref}"
    if kind == _OBJECT:
        return f"a {ref}"
    return f"a {ref or FieldKind.NAMES.get(kind, '?').lower()} value"


def _type_name(value: Any) -> str:
    return f"{type(value).__module__}.{type(value).__qualname__}"


def _wrong_type(spec: ActionSpec, param: _ParamSpec, value: Any) -> None:
    """Raise the TypeError of an object/array/map parameter given something else."""
    raise TypeError(
        f"{spec.service}.{spec.action}(): parameter {param.name!r} must be "
        f"{_expected(param)} (or None), not {_type_name(value)}"
    )


def _wrong_item(spec: ActionSpec, param: _ParamSpec, item: Any, where: str) -> None:
    raise TypeError(
        f"{spec.service}.{spec.action}(): parameter {param.name!r} item {where} must be a "
        f"{param.ref or 'KalturaObjectBase'}, not {_type_name(item)}"
    )


def _check_complex(spec: ActionSpec, param: _ParamSpec, value: Any) -> None:
    """Objects, arrays and maps must hold instances of the declared class (or multi-request
    references); anything else, a dict or a look-alike object, is refused."""
    cls = _param_class(param.ref)
    kind = param.kind
    if kind == _OBJECT:
        if not isinstance(value, cls):
            _wrong_type(spec, param, value)
    elif kind == FieldKind.ARRAY:
        if not isinstance(value, (list, tuple)):
            _wrong_type(spec, param, value)
        for index, item in enumerate(value):
            if not isinstance(item, cls) and type(item) is not MultiRequestSubResult:
                _wrong_item(spec, param, item, f"[{index}]")
    elif kind == FieldKind.MAP:
        if not isinstance(value, dict):
            _wrong_type(spec, param, value)
        for key, item in value.items():
            if not isinstance(item, cls) and type(item) is not MultiRequestSubResult:
                _wrong_item(spec, param, item, f"[{key!r}]")


# --------------------------------------------------------------------------------------------
# Response hardening

# What typing a hostile response may raise (out-of-range numbers, wrong JSON types, depth).
_MALFORMED = (RecursionError, OverflowError, TypeError, ValueError, AttributeError, KeyError)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value - value != 0.0:  # inf or nan
        raise ValueError(f"number {text[:40]} is out of range")
    return value


def _finish_multi(results: list[Any], abort: bool) -> list[Any]:
    if abort:
        for result in results:
            if isinstance(result, KalturaException):
                raise result
    return results


# --------------------------------------------------------------------------------------------
# Typed multi-request


class MultiRequestHandle(Generic[_T]):
    """One call queued in a `MultiRequest`: `ref` to use its result in a later call of the
    same batch, `result` / `error` once the batch ran."""

    __slots__ = ("_done", "_error", "_result", "index")

    def __init__(self, index: int) -> None:
        self.index = index  # 1-based, as in `{1:result}`
        self._done = False
        self._result: Any = None
        self._error: KalturaException | None = None

    @property
    def ref(self) -> _T:
        """The result as a reference (`{N:result}`): typed as the result so that
        `handle.ref.id` type-checks where the next call wants a `str`; on the wire it is
        `{N:result:id}`. Only meaningful as an argument of a call in the same batch."""
        return cast(_T, MultiRequestSubResult(f"{self.index}:result"))

    def _set(self, value: Any) -> None:
        self._done = True
        if isinstance(value, KalturaException):
            self._error = value
        else:
            self._result = value

    @property
    def done(self) -> bool:
        return self._done

    @property
    def error(self) -> KalturaException | None:
        """The API error of this call, or None."""
        return self._error

    @property
    def result(self) -> _T:
        """The typed result; raises this call's `KalturaException` if it failed."""
        if not self._done:
            raise KalturaClientException(
                "the multi-request has not been sent yet",
                KalturaClientException.ERROR_RESULT_NOT_FOUND,
            )
        if self._error is not None:
            raise self._error
        return cast(_T, self._result)

    def __repr__(self) -> str:
        state = "pending" if not self._done else ("error" if self._error else "done")
        return f"<MultiRequestHandle {{{self.index}:result}} {state}>"


class MultiRequest:
    """Typed multi-request of a sync client (`client.multi_request()`): `add(method, *args)`
    queues `method(*args)` and returns a `MultiRequestHandle` typed with its result; the
    batch is sent when the `with` block ends without an exception, or by `execute()`."""

    def __init__(self, client: KalturaClientBase) -> None:
        self.client = client
        self.handles: list[MultiRequestHandle[Any]] = []
        self.results: list[Any] | None = None

    def _queued(self, value: Any) -> MultiRequestHandle[Any]:
        expected = f"{len(self.handles) + 1}:result"
        if type(value) is not MultiRequestSubResult or value.value != expected:
            raise TypeError(
                "MultiRequest.add() takes an action method of this client "
                "(e.g. client.media.get), which queues instead of returning a result"
            )
        handle: MultiRequestHandle[Any] = MultiRequestHandle(len(self.handles) + 1)
        self.handles.append(handle)
        return handle

    def add(
        self, method: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs
    ) -> MultiRequestHandle[_T]:
        if self.client._queue is None or self.results is not None:
            raise KalturaClientException(
                "this multi-request was already sent", KalturaClientException.ERROR_GENERIC
            )
        return self._queued(method(*args, **kwargs))

    def _distribute(self, results: list[Any]) -> list[Any]:
        self.results = results
        for handle, value in zip(self.handles, results):
            handle._set(value)
        return results

    def execute(self) -> list[Any]:
        """Send the batch; every handle gets its result (or error)."""
        return self._distribute(self.client.doMultiRequest())

    def __enter__(self) -> MultiRequest:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            if self.results is None:
                self.execute()
        elif self.client._queue is not None:
            self.client._queue = None  # abandon the batch


# --------------------------------------------------------------------------------------------
# Names of the official `KalturaClient.Client` module


class KalturaServiceActionCall:
    """One queued call (official API): service, action, `KalturaParams` and files."""

    def __init__(
        self,
        service: str,
        action: str,
        params: KalturaParams | None = None,
        files: dict[str, Any] | None = None,
    ) -> None:
        self.service = service
        self.action = action
        self.params = params if params is not None else KalturaParams()
        self.files = files

    def getParamsForMultiRequest(self, multiRequestIndex: int) -> dict[str, Any]:
        self.params.put("service", self.service)
        self.params.put("action", self.action)
        return {str(multiRequestIndex): self.params.get()}

    def getFilesForMultiRequest(self, multiRequestIndex: int) -> dict[str, Any] | None:
        if not self.files:
            return None
        return {f"{multiRequestIndex}:{key}": value for key, value in self.files.items()}


def retry_on_exception(
    max_retries: int = 3,
    delay: float = 1,
    backoff: float = 2,
    exceptions: tuple[type[BaseException], ...] = (Exception,),
) -> Callable[[_F], _F]:
    """Decorator (official API): call again after `delay` seconds (times `backoff` each
    retry) while it raises one of `exceptions`, `max_retries` calls in all. The client's own
    retries are in the transport and only repeat calls that are safe to repeat."""
    import functools

    def decorator(func: _F) -> _F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            tries, wait = max_retries, delay
            while tries > 1:
                try:
                    return func(*args, **kwargs)
                except exceptions as error:
                    log = getattr(args[0], "log", None) if args else None
                    if callable(log):
                        log(
                            f"retrying function due to error: {error}, Kaltura API retrying "
                            f"request in {wait} seconds... ({func.__name__})"
                        )
                    time.sleep(wait)
                    tries -= 1
                    wait *= backoff
            return func(*args, **kwargs)

        return cast(_F, wrapper)

    return decorator


def debug_requests_on() -> None:
    """Log every HTTP exchange at DEBUG (official API): the client's "KalturaClient" logger
    (secrets redacted) and urllib3's connection logger, on a stderr handler."""
    import logging

    logging.basicConfig()
    for name in ("KalturaClient", "urllib3"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.DEBUG)
        logger.propagate = True
    logging.getLogger().setLevel(logging.DEBUG)


def debug_requests_off() -> None:
    """Undo `debug_requests_on()` (official API)."""
    import logging

    for name in ("KalturaClient", "urllib3"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger().setLevel(logging.WARNING)


# What the generated `KalturaClient.Client` module re-exports, so it has every name of the
# official module (see GENERATED_CONTRACT.md).
CLIENT_MODULE_EXPORTS = (
    "IKalturaClientPlugin",
    "IKalturaLogger",
    "KALTURA_SERVICE_FORMAT_JSON",
    "KALTURA_SERVICE_FORMAT_XML",
    "KalturaClientException",
    "KalturaEnumsFactory",
    "KalturaException",
    "KalturaObjectBase",
    "KalturaObjectFactory",
    "KalturaParams",
    "KalturaServiceActionCall",
    "MultiRequestSubResult",
    "PluginServicesProxy",
    "debug_requests_off",
    "debug_requests_on",
    "getXmlNodeFloat",
    "getXmlNodeText",
    "retry_on_exception",
)
