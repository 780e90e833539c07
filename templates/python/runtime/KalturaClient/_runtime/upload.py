"""Chunked, resumable uploads over `uploadToken.add` / `get` / `upload`.

    from KalturaClient._runtime.upload import upload_file
    token = upload_file(client, "movie.mp4", chunk_size=8 << 20,
                        progress=lambda sent, total: print(sent, total))
    # later, after a crash: upload_file(client, "movie.mp4", upload_token_id=token.id)

Each chunk is one `uploadToken.upload(id, chunk, resume, finalChunk, resumeAt)` call: the first
with `resume=False, resumeAt=0` (or, when resuming, from the server's `uploadedFileSize`),
the next ones at the offset the server reports, the last with `finalChunk=True`. A chunk that
fails on the network is not blindly re-sent: the helper asks the server (`uploadToken.get`)
how much it has and continues from there.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Generator
from typing import Any, BinaryIO

from ..Base import OPTIONAL, ActionSpec, FieldKind, ParamSpec, ResultSpec
from ..exceptions import KalturaClientException
from . import codec, registry

__all__ = ["DEFAULT_CHUNK_SIZE", "aupload_file", "upload_file", "upload_steps"]

DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024
Progress = Callable[[int, int], None]

_TOKEN = ResultSpec(FieldKind.OBJECT, "KalturaUploadToken")
_ADD = ActionSpec(
    "uploadtoken",
    "add",
    (ParamSpec("uploadToken", FieldKind.OBJECT, "KalturaUploadToken", OPTIONAL),),
    _TOKEN,
)
_GET = ActionSpec("uploadtoken", "get", (ParamSpec("uploadTokenId", FieldKind.STRING),), _TOKEN)
_UPLOAD = ActionSpec(
    "uploadtoken",
    "upload",
    (
        ParamSpec("uploadTokenId", FieldKind.STRING),
        ParamSpec("fileData", FieldKind.FILE),
        ParamSpec("resume", FieldKind.BOOL, None, OPTIONAL),
        ParamSpec("finalChunk", FieldKind.BOOL, None, OPTIONAL),
        ParamSpec("resumeAt", FieldKind.FLOAT, None, OPTIONAL),
    ),
    _TOKEN,
)


class _Window(io.RawIOBase):
    """`length` bytes of a seekable file from `start`, read lazily (for streaming a chunk)."""

    def __init__(self, source: BinaryIO, start: int, length: int, name: str) -> None:
        self._source = source
        self._start = start
        self._length = length
        self._pos = 0
        self.name = name

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            self._pos = offset
        elif whence == os.SEEK_CUR:
            self._pos += offset
        else:
            self._pos = self._length + offset
        self._pos = max(0, min(self._pos, self._length))
        return self._pos

    def read(self, size: int = -1) -> bytes:
        remaining = self._length - self._pos
        if size < 0 or size > remaining:
            size = remaining
        if size <= 0:
            return b""
        self._source.seek(self._start + self._pos)
        data = self._source.read(size)
        self._pos += len(data)
        return data


def _uploaded(token: Any) -> int:
    value = getattr(token, "uploadedFileSize", None)
    if value is None or value is NotImplemented:
        return 0
    return int(float(value))


# One step of the protocol: the call to make next, as (spec, args).
Step = tuple[ActionSpec, tuple[Any, ...]]


def upload_steps(
    client: Any,
    source: str | os.PathLike[str] | BinaryIO | bytes,
    *,
    upload_token_id: str | None = None,
    file_name: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Progress | None = None,
    max_chunk_retries: int = 3,
) -> Generator[Step, Any, Any]:
    """The upload protocol, without I/O of its own: yields each call to make, receives its
    result (or has its exception thrown in) and returns the final token. The sync and async
    clients drive the same steps (`upload_file`, `aupload_file`)."""
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    if client.isMultiRequest():
        raise KalturaClientException(
            "upload_file cannot run inside a multi-request",
            KalturaClientException.ERROR_NOT_IN_MULTI_REQUEST,
        )
    opened: BinaryIO | None = None
    if isinstance(source, (bytes, bytearray)):
        stream: BinaryIO = io.BytesIO(bytes(source))
        name = file_name or "upload.bin"
    elif isinstance(source, (str, os.PathLike)):
        opened = stream = open(source, "rb")
        name = file_name or os.path.basename(os.fspath(source))
    else:
        stream = source
        name = file_name or os.path.basename(str(getattr(source, "name", "upload.bin")))
    try:
        base = stream.tell()
        total = stream.seek(0, os.SEEK_END) - base
        if upload_token_id is None:
            token_cls = registry.object_class("KalturaUploadToken")
            token_obj = codec.new_instance(token_cls) if token_cls is not None else None
            if token_obj is not None:
                token_obj.fileName = name
                token_obj.fileSize = float(total)
            token = yield (_ADD, (token_obj if token_obj is not None else NotImplemented,))
            upload_token_id = str(token.id)
            offset = 0
        else:
            token = yield (_GET, (upload_token_id,))
            offset = _uploaded(token)
        if progress is not None and offset:
            progress(offset, total)
        failures = 0
        while True:
            length = min(chunk_size, total - offset)
            final = offset + length >= total
            chunk = _Window(stream, base + offset, length, name)
            try:
                token = yield (
                    _UPLOAD,
                    (upload_token_id, (name, chunk), offset > 0, final, float(offset)),
                )
            except KalturaClientException as error:
                if error.code not in (
                    KalturaClientException.ERROR_CONNECTION_FAILED,
                    KalturaClientException.ERROR_READ_TIMEOUT,
                    KalturaClientException.ERROR_HTTP_STATUS,
                ):
                    raise
                failures += 1
                if failures > max_chunk_retries:
                    raise
                # Ask the server what it has before sending anything again.
                offset = _uploaded((yield (_GET, (upload_token_id,))))
                continue
            failures = 0
            acknowledged = _uploaded(token)
            offset = acknowledged if acknowledged > offset else offset + length
            if progress is not None:
                progress(min(offset, total), total)
            if final:
                return token
    finally:
        if opened is not None:
            opened.close()


def upload_file(
    client: Any, source: str | os.PathLike[str] | BinaryIO | bytes, **options: Any
) -> Any:
    """Upload `source` in chunks of `chunk_size` bytes; returns the final upload token.

    `upload_token_id`: continue an existing token (its `uploadedFileSize` says where).
    `progress(sent, total)` is called after every chunk the server acknowledged.
    """
    steps = upload_steps(client, source, **options)
    try:
        step = next(steps)
        while True:
            try:
                result = client._call(*step)
            except Exception as error:
                step = steps.throw(error)
                continue
            step = steps.send(result)
    except StopIteration as stop:
        return stop.value


async def aupload_file(
    client: Any, source: str | os.PathLike[str] | BinaryIO | bytes, **options: Any
) -> Any:
    """`upload_file` for the async client (same steps, awaited)."""
    steps = upload_steps(client, source, **options)
    try:
        step = next(steps)
        while True:
            try:
                result = await client._acall(*step)
            except Exception as error:
                step = steps.throw(error)
                continue
            step = steps.send(result)
    except StopIteration as stop:
        return stop.value
