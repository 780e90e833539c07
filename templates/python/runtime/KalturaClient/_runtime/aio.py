"""`AsyncKalturaClientBase`: the asyncio client, on aiohttp.

It is the sync `KalturaClientBase` with only the network replaced: request building
(`_prepare`, `_prepare_multi`), signing, argument checks, response parsing, errors, the
multi-request queue, pagination (`Paginator`) and the upload protocol (`upload_steps`) are the
same code. Every action returns an awaitable (`await client.media.get("0_x")`); inside a
multi-request the awaitable gives the `{N:result}` reference at once.

Transport (`AsyncTransport`): one `aiohttp.ClientSession` per client, created on first use in
the running loop and closed by `await client.aclose()` / `async with client:`; TLS verified by
default, `proxies`, `userAgent`; the same retry rule as the sync client (connect failures
always, 502/503/504 and dropped connections only for safe reads), the same total time limit
(`requestTimeout`, enforced with `asyncio.wait_for` around the whole exchange, retries
included) and the same size limit (`maxResponseSize`, gzip decoded by `limits.BodyDecoder`).

aiohttp (a dependency of the package) is imported on the first async request only: `import
KalturaClient` and the sync client never load it.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from ..Base import KALTURA_SERVICE_FORMAT_JSON, ActionSpec, KalturaConfiguration
from ..exceptions import KalturaClientException
from .client import (
    KalturaClientBase,
    MultiRequest,
    MultiRequestHandle,
    _check_http,
    _finish_multi,
    _Prepared,
)

# The generated Client.py imports this module, so `import KalturaClient` must stay light:
# asyncio, aiohttp, urllib3 (transport), json and logging (logutil) load on the first call.
if TYPE_CHECKING:
    from .transport import MultipartBody, Response

__all__ = ["AsyncKalturaClientBase", "AsyncMultiRequest", "AsyncTransport"]

_T = TypeVar("_T")
_P = ParamSpec("_P")
_C = TypeVar("_C", bound="AsyncKalturaClientBase")


def _step(awaitable: Awaitable[Any]) -> Any:
    """Run an awaitable that cannot suspend (an action call while a multi-request queues)
    to its value, without an event loop."""
    coro = awaitable if isinstance(awaitable, Coroutine) else None
    if coro is None:
        raise TypeError("AsyncMultiRequest.add() takes an action method of this client")
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    coro.close()
    raise TypeError("AsyncMultiRequest.add(): the call did not queue (not an action method?)")


class AsyncMultiRequest(MultiRequest):
    """Typed multi-request of the async client:

    async with client.multi_request() as batch:
        entry = batch.add(client.media.get, "0_abc")          # no await: it only queues
        flavors = batch.add(client.flavorAsset.getByEntryId, entry.ref.id)
    entry.result
    """

    def add(  # type: ignore[override]
        self, method: Callable[_P, Awaitable[_T]], /, *args: _P.args, **kwargs: _P.kwargs
    ) -> MultiRequestHandle[_T]:
        if self.client._queue is None or self.results is not None:
            raise KalturaClientException(
                "this multi-request was already sent", KalturaClientException.ERROR_GENERIC
            )
        return self._queued(_step(method(*args, **kwargs)))

    async def aexecute(self) -> list[Any]:
        client = self.client
        assert isinstance(client, AsyncKalturaClientBase)
        return self._distribute(await client.adoMultiRequest())

    def execute(self) -> list[Any]:
        raise TypeError("use `await batch.aexecute()` (or `async with`) with the async client")

    async def __aenter__(self) -> AsyncMultiRequest:
        return self

    async def __aexit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            if self.results is None:
                await self.aexecute()
        elif self.client._queue is not None:
            self.client._queue = None


class AsyncKalturaClientBase(KalturaClientBase):
    """The schema-independent part of `AsyncKalturaClient` (same constructor, configuration,
    KS helpers and request configuration as the sync client)."""

    # -- calls ---------------------------------------------------------------------------
    def _call(self, spec: ActionSpec, args: tuple[Any, ...]) -> Any:
        """An awaitable of the result (so generated sync-shaped services work unchanged)."""
        return self._acall(spec, args)

    async def _acall(self, spec: ActionSpec, args: tuple[Any, ...]) -> Any:
        prepared = self._prepare(spec, args)
        if type(prepared) is not _Prepared:
            return prepared
        data = await self._asend(prepared)
        return self._parse_single(data, spec.result)

    def doMultiRequest(self) -> Any:  # an awaitable of list[Any]
        """`await client.doMultiRequest()`: the sync API's name, awaitable."""
        return self.adoMultiRequest()

    async def adoMultiRequest(self) -> list[Any]:
        prepared, results, abort = self._prepare_multi()
        if prepared is None:
            return []
        data = await self._asend(prepared)
        return _finish_multi(self._parse_multi(data, results), abort)

    def multi_request(self, abortOnError: bool = False) -> AsyncMultiRequest:
        self.startMultiRequest(abortOnError)
        return AsyncMultiRequest(self)

    def _apaginate(
        self, spec: ActionSpec, args: tuple[Any, ...], **options: Any
    ) -> AsyncIterator[Any]:
        """`async for entry in ...`: every object of a list action (see `Paginator`)."""
        from .pagination import Paginator

        paginator = Paginator(spec, args, **options)

        async def iterate() -> AsyncIterator[Any]:
            while True:
                response = await self._acall(spec, paginator.next_args())
                for item in paginator.accept(response):
                    yield item
                if not paginator.advance():
                    return

        return iterate()

    def _paginate(self, spec: ActionSpec, args: tuple[Any, ...], **options: Any) -> Any:
        return self._apaginate(spec, args, **options)

    async def aupload_file(self, source: Any, **options: Any) -> Any:
        """Chunked, resumable upload (the sync `upload_file` protocol, awaited)."""
        from .upload import aupload_file

        return await aupload_file(self, source, **options)

    def upload_file(self, source: Any, **options: Any) -> Any:
        return self.aupload_file(source, **options)

    # -- transport -----------------------------------------------------------------------
    def _get_async_transport(self) -> AsyncTransport:
        transport = self._transport
        if not isinstance(transport, AsyncTransport):
            transport = self._transport = AsyncTransport(self.config)
        return transport

    async def _asend(self, prepared: _Prepared) -> bytes:
        from . import logutil

        config = self.config
        logging_on = logutil.enabled(config)
        if logging_on:
            logutil.log_request(config, prepared.url, prepared.top)
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
        response = await self._get_async_transport().post(
            prepared.url, prepared.body, prepared.files, headers, prepared.idempotent
        )
        if logging_on:
            logutil.log_message(
                config, f"execution time for [{prepared.url}]: [{time.monotonic() - start}]"
            )
        self.responseHeaders = response.headers
        _check_http(response.status, response.headers, response.data)
        return response.data

    def close(self) -> None:
        """Drop the session without awaiting (prefer `await client.aclose()`)."""
        transport = self._transport
        self._transport = None
        if isinstance(transport, AsyncTransport):
            transport.close()

    async def aclose(self) -> None:
        """Close the HTTP session and its pooled connections."""
        transport = self._transport
        self._transport = None
        if isinstance(transport, AsyncTransport):
            await transport.aclose()

    async def __aenter__(self: _C) -> _C:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class AsyncTransport:
    """aiohttp session with the sync transport's retry rule and the shared limits."""

    def __init__(self, config: KalturaConfiguration) -> None:
        self.config = config
        self._session: Any = None
        self._closing: Any = None

    def _ssl(self) -> Any:
        import ssl

        verify = self.config.verifySSL
        if verify is False:
            return False
        if isinstance(verify, str):
            return ssl.create_default_context(cafile=verify)
        return True

    def _get_session(self) -> Any:
        if self._session is None or self._session.closed:
            import aiohttp

            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=100, ssl=self._ssl()),
                auto_decompress=False,  # decoded by limits.BodyDecoder, within the size limit
                trust_env=False,
                skip_auto_headers=("User-Agent",),
            )
        return self._session

    def close(self) -> None:
        """Close without awaiting: scheduled on the running loop, if there is one."""
        import asyncio

        session = self._session
        self._session = None
        if session is None or session.closed:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # the loop the session belonged to is gone; nothing left to await
        self._closing = loop.create_task(session.close())

    async def aclose(self) -> None:
        session = self._session
        self._session = None
        if session is not None:
            await session.close()

    async def post(
        self,
        url: str,
        body: str,
        files: dict[str, Any],
        headers: dict[str, str],
        idempotent: bool,
    ) -> Response:
        import asyncio

        from .transport import _origin

        config = self.config
        timeout_s = config.requestTimeout
        if files and config.uploadTimeout is not None:
            timeout_s = config.uploadTimeout
        try:
            return await asyncio.wait_for(
                self._post(url, body, files, headers, idempotent, time.monotonic() + timeout_s),
                timeout_s,
            )
        except asyncio.TimeoutError:
            raise KalturaClientException(
                f"No complete response from {_origin(url)} within {timeout_s:g} s "
                "(KalturaConfiguration.requestTimeout, the total time of a call)",
                KalturaClientException.ERROR_READ_TIMEOUT,
            ) from None

    async def _post(
        self,
        url: str,
        body: str,
        files: dict[str, Any],
        headers: dict[str, str],
        idempotent: bool,
        deadline: float,
    ) -> Response:
        import aiohttp

        from . import limits
        from .transport import _CHUNK, _RETRY_STATUSES, MultipartBody, Response, _origin

        config = self.config
        session = self._get_session()
        scheme = url.split(":", 1)[0].lower()
        proxy = (config.proxies or {}).get(scheme) or (config.proxies or {}).get("all")
        multipart = MultipartBody(body, files) if files else None
        headers = dict(headers)
        try:
            attempt = 0
            while True:
                payload: Any
                if multipart is None:
                    headers["Content-Type"] = "application/json"
                    payload = body.encode("utf8")
                else:
                    headers["Content-Type"] = multipart.content_type
                    length = multipart.length()
                    if length is not None:
                        headers["Content-Length"] = str(length)
                    payload = _async_chunks(multipart)
                try:
                    async with session.post(
                        url, data=payload, headers=headers, proxy=proxy, allow_redirects=False
                    ) as raw:
                        if raw.status in _RETRY_STATUSES and idempotent:
                            if attempt < config.maxRetries:
                                attempt = await self._backoff(
                                    attempt, f"HTTP {raw.status}", deadline
                                )
                                continue
                        limit = getattr(config, "maxResponseSize", limits.DEFAULT_MAX_RESPONSE_SIZE)
                        decoder = limits.BodyDecoder(
                            raw.headers.get("Content-Encoding"), limit, url
                        )
                        decoder.check_length(raw.headers.get("Content-Length"))
                        async for chunk in raw.content.iter_chunked(_CHUNK):
                            decoder.feed(chunk)
                        return Response(raw.status, raw.headers, decoder.finish())
                except aiohttp.ClientConnectorError as error:
                    # Nothing was sent: safe to retry if the body can be replayed.
                    if attempt < config.maxRetries and (multipart is None or multipart.rewind()):
                        attempt = await self._backoff(
                            attempt, f"connection failed: {error}", deadline
                        )
                        continue
                    raise KalturaClientException(
                        f"Cannot connect to {_origin(url)}: {error}",
                        KalturaClientException.ERROR_CONNECTION_FAILED,
                    ) from None
                except (aiohttp.ClientError, OSError) as error:
                    if idempotent and attempt < config.maxRetries:
                        attempt = await self._backoff(
                            attempt, f"connection lost: {error}", deadline
                        )
                        continue
                    raise KalturaClientException(
                        f"Request to {_origin(url)} failed: {error}",
                        KalturaClientException.ERROR_CONNECTION_FAILED,
                    ) from None
        finally:
            if multipart is not None:
                multipart.close()

    async def _backoff(self, attempt: int, why: str, deadline: float) -> int:
        import asyncio

        from . import logutil

        delay = self.config.retryBackoff * (2**attempt)
        if time.monotonic() + delay >= deadline:
            raise asyncio.TimeoutError()
        logutil.LOGGER.warning("Kaltura request %s; retrying in %.2f s", why, delay)
        if delay > 0:
            await asyncio.sleep(delay)
        return attempt + 1


async def _async_chunks(multipart: MultipartBody) -> AsyncIterator[bytes]:
    for chunk in multipart.chunks():
        yield chunk
