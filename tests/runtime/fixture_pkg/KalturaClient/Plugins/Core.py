"""Hand-written module shaped like generated code (a small slice of Core)."""

from __future__ import annotations

from typing import Any, ClassVar

from ..Base import (
    INSERT_ONLY,
    IS_TIME,
    OPTIONAL,
    READ_ONLY,
    ActionSpec,
    FieldKind,
    FieldSpec,
    KalturaIntEnum,
    KalturaObjectBase,
    KalturaServiceBase,
    KalturaStringEnum,
    ParamSpec,
    ResultSpec,
)

NI: Any = NotImplemented


class KalturaMediaType(KalturaIntEnum):
    VIDEO = 1
    IMAGE = 2
    AUDIO = 5


class KalturaEntryStatus(KalturaStringEnum):
    READY = "2"
    DELETED = "3"


class KalturaSessionType(KalturaIntEnum):
    USER = 0
    ADMIN = 2


class KalturaListResponse(KalturaObjectBase):
    _kaltura_type_: ClassVar[str] = "KalturaListResponse"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("totalCount", "totalCount", FieldKind.INT, None, READ_ONLY),
    )

    def __init__(self, relatedObjects: Any = NI, totalCount: Any = NI) -> None:
        KalturaObjectBase.__init__(self, relatedObjects)
        self.totalCount = totalCount


class KalturaTag(KalturaObjectBase):
    _kaltura_type_: ClassVar[str] = "KalturaTag"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("tag", "tag", FieldKind.STRING),
        FieldSpec("instanceCount", "instanceCount", FieldKind.INT),
    )

    def __init__(self, tag: Any = NI, instanceCount: Any = NI, relatedObjects: Any = NI) -> None:
        KalturaObjectBase.__init__(self, relatedObjects)
        self.tag = tag
        self.instanceCount = instanceCount


class KalturaBaseEntry(KalturaObjectBase):
    _kaltura_type_: ClassVar[str] = "KalturaBaseEntry"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("id", "id", FieldKind.STRING, None, READ_ONLY),
        FieldSpec("name", "name", FieldKind.STRING),
        FieldSpec("description", "description", FieldKind.STRING),
        FieldSpec("partnerId", "partnerId", FieldKind.INT, None, READ_ONLY),
        FieldSpec("tags", "tags", FieldKind.STRING),
        FieldSpec("status", "status", FieldKind.STRING, "KalturaEntryStatus", READ_ONLY),
        FieldSpec("createdAt", "createdAt", FieldKind.INT, None, READ_ONLY | IS_TIME),
        FieldSpec("rank", "rank", FieldKind.FLOAT, None, READ_ONLY),
        FieldSpec("licenseType", "licenseType", FieldKind.INT),
        FieldSpec("displayInSearch", "displayInSearch", FieldKind.BOOL),
        FieldSpec("tagObjects", "tagObjects", FieldKind.ARRAY, "KalturaTag"),
        FieldSpec("tagMap", "tagMap", FieldKind.MAP, "KalturaTag"),
        FieldSpec("owner", "owner", FieldKind.OBJECT, "KalturaTag"),
        FieldSpec("not", "not_", FieldKind.BOOL),
    )

    def __init__(
        self,
        id: Any = NI,
        name: Any = NI,
        description: Any = NI,
        partnerId: Any = NI,
        tags: Any = NI,
        status: Any = NI,
        createdAt: Any = NI,
        rank: Any = NI,
        licenseType: Any = NI,
        displayInSearch: Any = NI,
        tagObjects: Any = NI,
        tagMap: Any = NI,
        owner: Any = NI,
        not_: Any = NI,
        relatedObjects: Any = NI,
    ) -> None:
        KalturaObjectBase.__init__(self, relatedObjects)
        self.id = id
        self.name = name
        self.description = description
        self.partnerId = partnerId
        self.tags = tags
        self.status = status
        self.createdAt = createdAt
        self.rank = rank
        self.licenseType = licenseType
        self.displayInSearch = displayInSearch
        self.tagObjects = tagObjects
        self.tagMap = tagMap
        self.owner = owner
        self.not_ = not_


class KalturaPlayableEntry(KalturaBaseEntry):
    _kaltura_type_: ClassVar[str] = "KalturaPlayableEntry"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("plays", "plays", FieldKind.INT, None, READ_ONLY),
        FieldSpec("duration", "duration", FieldKind.INT, None, READ_ONLY),
    )

    def __init__(self, plays: Any = NI, duration: Any = NI, **kwargs: Any) -> None:
        KalturaBaseEntry.__init__(self, **kwargs)
        self.plays = plays
        self.duration = duration


class KalturaMediaEntry(KalturaPlayableEntry):
    _kaltura_type_: ClassVar[str] = "KalturaMediaEntry"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("mediaType", "mediaType", FieldKind.INT, "KalturaMediaType", INSERT_ONLY),
        FieldSpec("conversionQuality", "conversionQuality", FieldKind.STRING),
    )

    def __init__(self, mediaType: Any = NI, conversionQuality: Any = NI, **kwargs: Any) -> None:
        KalturaPlayableEntry.__init__(self, **kwargs)
        self.mediaType = mediaType
        self.conversionQuality = conversionQuality


class KalturaBaseEntryFilter(KalturaObjectBase):
    _kaltura_type_: ClassVar[str] = "KalturaBaseEntryFilter"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("orderBy", "orderBy", FieldKind.STRING),
        FieldSpec("idIn", "idIn", FieldKind.STRING),
        FieldSpec("nameLike", "nameLike", FieldKind.STRING),
        FieldSpec("statusEqual", "statusEqual", FieldKind.STRING, "KalturaEntryStatus"),
    )

    def __init__(
        self,
        orderBy: Any = NI,
        idIn: Any = NI,
        nameLike: Any = NI,
        statusEqual: Any = NI,
        relatedObjects: Any = NI,
    ) -> None:
        KalturaObjectBase.__init__(self, relatedObjects)
        self.orderBy = orderBy
        self.idIn = idIn
        self.nameLike = nameLike
        self.statusEqual = statusEqual


class KalturaMediaEntryFilter(KalturaBaseEntryFilter):
    _kaltura_type_: ClassVar[str] = "KalturaMediaEntryFilter"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("mediaTypeEqual", "mediaTypeEqual", FieldKind.INT, "KalturaMediaType"),
    )

    def __init__(self, mediaTypeEqual: Any = NI, **kwargs: Any) -> None:
        KalturaBaseEntryFilter.__init__(self, **kwargs)
        self.mediaTypeEqual = mediaTypeEqual


class KalturaFilterPager(KalturaObjectBase):
    _kaltura_type_: ClassVar[str] = "KalturaFilterPager"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("pageSize", "pageSize", FieldKind.INT),
        FieldSpec("pageIndex", "pageIndex", FieldKind.INT),
    )

    def __init__(self, pageSize: Any = NI, pageIndex: Any = NI, relatedObjects: Any = NI) -> None:
        KalturaObjectBase.__init__(self, relatedObjects)
        self.pageSize = pageSize
        self.pageIndex = pageIndex


class KalturaMediaListResponse(KalturaListResponse):
    _kaltura_type_: ClassVar[str] = "KalturaMediaListResponse"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("objects", "objects", FieldKind.ARRAY, "KalturaMediaEntry", READ_ONLY),
    )

    def __init__(self, objects: Any = NI, **kwargs: Any) -> None:
        KalturaListResponse.__init__(self, **kwargs)
        self.objects = objects


class KalturaUploadToken(KalturaObjectBase):
    _kaltura_type_: ClassVar[str] = "KalturaUploadToken"
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("id", "id", FieldKind.STRING, None, READ_ONLY),
        FieldSpec("fileName", "fileName", FieldKind.STRING),
        FieldSpec("fileSize", "fileSize", FieldKind.FLOAT),
        FieldSpec("uploadedFileSize", "uploadedFileSize", FieldKind.FLOAT, None, READ_ONLY),
    )

    def __init__(
        self,
        id: Any = NI,
        fileName: Any = NI,
        fileSize: Any = NI,
        uploadedFileSize: Any = NI,
        relatedObjects: Any = NI,
    ) -> None:
        KalturaObjectBase.__init__(self, relatedObjects)
        self.id = id
        self.fileName = fileName
        self.fileSize = fileSize
        self.uploadedFileSize = uploadedFileSize


_P = ParamSpec
_K = FieldKind

MEDIA_LIST = ActionSpec(
    "media",
    "list",
    (
        _P("filter", _K.OBJECT, "KalturaMediaEntryFilter", OPTIONAL),
        _P("pager", _K.OBJECT, "KalturaFilterPager", OPTIONAL),
    ),
    ResultSpec(_K.OBJECT, "KalturaMediaListResponse"),
)
MEDIA_ADD = ActionSpec(
    "media",
    "add",
    (_P("entry", _K.OBJECT, "KalturaMediaEntry"),),
    ResultSpec(_K.OBJECT, "KalturaMediaEntry"),
)
MEDIA_GET = ActionSpec(
    "media",
    "get",
    (_P("entryId", _K.STRING), _P("version", _K.INT, None, OPTIONAL)),
    ResultSpec(_K.OBJECT, "KalturaMediaEntry"),
)
MEDIA_COUNT = ActionSpec(
    "media",
    "count",
    (_P("filter", _K.OBJECT, "KalturaMediaEntryFilter", OPTIONAL),),
    ResultSpec(_K.INT),
)
MEDIA_DELETE = ActionSpec("media", "delete", (_P("entryId", _K.STRING),), ResultSpec(None))
MEDIA_FLAG = ActionSpec("media", "isFlagged", (_P("entryId", _K.STRING),), ResultSpec(_K.BOOL))
MEDIA_TAGS = ActionSpec(
    "media",
    "tagsMap",
    (_P("ids", _K.ARRAY, "KalturaTag"), _P("m", _K.MAP, "KalturaTag")),
    ResultSpec(_K.MAP, "KalturaTag"),
)
MEDIA_TAGLIST = ActionSpec("media", "tagList", (), ResultSpec(_K.ARRAY, "KalturaTag"))
MEDIA_TYPE = ActionSpec("media", "getType", (), ResultSpec(_K.INT, "KalturaMediaType"))
MEDIA_NOMULTI = ActionSpec(
    "media", "export", (_P("entryId", _K.STRING),), ResultSpec(_K.STRING), multi_request=False
)
MEDIA_UPLOAD = ActionSpec("media", "upload", (_P("fileData", _K.FILE),), ResultSpec(_K.STRING))
MEDIA_TWOFILES = ActionSpec(
    "media",
    "twoFiles",
    (_P("entryId", _K.STRING), _P("fileA", _K.FILE), _P("fileB", _K.FILE, None, OPTIONAL)),
    ResultSpec(_K.STRING),
)
DATA_SERVE = ActionSpec(
    "data",
    "serve",
    (
        _P("entryId", _K.STRING),
        _P("version", _K.INT, None, OPTIONAL),
        _P("forceProxy", _K.BOOL, None, OPTIONAL),
    ),
    ResultSpec(_K.FILE),
    multi_request=False,
    serve=True,
)
UPLOADTOKEN_ADD = ActionSpec(
    "uploadtoken",
    "add",
    (_P("uploadToken", _K.OBJECT, "KalturaUploadToken", OPTIONAL),),
    ResultSpec(_K.OBJECT, "KalturaUploadToken"),
)
UPLOADTOKEN_UPLOAD = ActionSpec(
    "uploadtoken",
    "upload",
    (
        _P("uploadTokenId", _K.STRING),
        _P("fileData", _K.FILE),
        _P("resume", _K.BOOL, None, OPTIONAL),
        _P("finalChunk", _K.BOOL, None, OPTIONAL),
        _P("resumeAt", _K.FLOAT, None, OPTIONAL),
    ),
    ResultSpec(_K.OBJECT, "KalturaUploadToken"),
)
UPLOADTOKEN_GET = ActionSpec(
    "uploadtoken",
    "get",
    (_P("uploadTokenId", _K.STRING),),
    ResultSpec(_K.OBJECT, "KalturaUploadToken"),
)


class KalturaMediaService(KalturaServiceBase):
    def list(self, filter: Any = NI, pager: Any = NI) -> Any:
        return self.client._call(MEDIA_LIST, (filter, pager))

    def add(self, entry: Any) -> Any:
        return self.client._call(MEDIA_ADD, (entry,))

    def get(self, entryId: Any, version: Any = -1) -> Any:
        return self.client._call(MEDIA_GET, (entryId, version))

    def count(self, filter: Any = NI) -> Any:
        return self.client._call(MEDIA_COUNT, (filter,))

    def delete(self, entryId: Any) -> Any:
        return self.client._call(MEDIA_DELETE, (entryId,))

    def isFlagged(self, entryId: Any) -> Any:
        return self.client._call(MEDIA_FLAG, (entryId,))

    def tagsMap(self, ids: Any = NI, m: Any = NI) -> Any:
        return self.client._call(MEDIA_TAGS, (ids, m))

    def tagList(self) -> Any:
        return self.client._call(MEDIA_TAGLIST, ())

    def getType(self) -> Any:
        return self.client._call(MEDIA_TYPE, ())

    def export(self, entryId: Any) -> Any:
        return self.client._call(MEDIA_NOMULTI, (entryId,))

    def upload(self, fileData: Any) -> Any:
        return self.client._call(MEDIA_UPLOAD, (fileData,))

    def twoFiles(self, entryId: Any, fileA: Any, fileB: Any = NI) -> Any:
        return self.client._call(MEDIA_TWOFILES, (entryId, fileA, fileB))


class KalturaDataService(KalturaServiceBase):
    def serve(self, entryId: Any, version: Any = -1, forceProxy: Any = False) -> Any:
        return self.client._call(DATA_SERVE, (entryId, version, forceProxy))


class KalturaUploadTokenService(KalturaServiceBase):
    def add(self, uploadToken: Any = NI) -> Any:
        return self.client._call(UPLOADTOKEN_ADD, (uploadToken,))

    def upload(
        self,
        uploadTokenId: Any,
        fileData: Any,
        resume: Any = False,
        finalChunk: Any = True,
        resumeAt: Any = -1,
    ) -> Any:
        return self.client._call(
            UPLOADTOKEN_UPLOAD, (uploadTokenId, fileData, resume, finalChunk, resumeAt)
        )

    def get(self, uploadTokenId: Any) -> Any:
        return self.client._call(UPLOADTOKEN_GET, (uploadTokenId,))
