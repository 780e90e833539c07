"""Runtime base classes of the generated Kaltura client (hand-written, schema independent).

Generated modules declare enums, objects and actions as data (`FieldSpec`, `ParamSpec`,
`ActionSpec`); everything that touches the wire lives here and in `KalturaClient._runtime`.
This module is imported by every generated module, so it stays small and imports nothing heavy:
the codecs, the HTTP transport and the KS code load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from .exceptions import KalturaClientException, KalturaException

if TYPE_CHECKING:
    import datetime as _dt

    from ._runtime.aio import AsyncKalturaClientBase
    from ._runtime.client import KalturaClientBase

__all__ = [
    "ALWAYS_LIST",
    "ANY_OBJECT",
    "AsyncKalturaServiceBase",
    "DEPRECATED",
    "INSERT_ONLY",
    "IS_TIME",
    "KALTURA_SERVICE_FORMAT_JSON",
    "KALTURA_SERVICE_FORMAT_PHP",
    "KALTURA_SERVICE_FORMAT_XML",
    "OPTIONAL",
    "READ_ONLY",
    "WRITE_ONLY",
    "ActionSpec",
    "FieldKind",
    "FieldSpec",
    "IKalturaClientPlugin",
    "IKalturaLogger",
    "KalturaClientException",
    "KalturaClientPlugin",
    "KalturaConfiguration",
    "KalturaEnumsFactory",
    "KalturaException",
    "KalturaIntEnum",
    "KalturaObjectBase",
    "KalturaObjectFactory",
    "KalturaParams",
    "KalturaServiceBase",
    "KalturaStringEnum",
    "ParamSpec",
    "PluginServicesProxy",
    "ResultSpec",
    "getXmlNodeBool",
    "getXmlNodeFloat",
    "getXmlNodeInt",
    "getXmlNodeText",
]

# Response formats (the `format` request parameter), as in the official client.
KALTURA_SERVICE_FORMAT_JSON = 1
KALTURA_SERVICE_FORMAT_XML = 2
KALTURA_SERVICE_FORMAT_PHP = 3

# The name generated code and the schema use for "any object".
ANY_OBJECT = "KalturaObjectBase"


class FieldKind:
    """Wire kinds of fields, parameters and results (plain ints: they are compared in hot loops)."""

    INT = 1
    BIGINT = 2
    FLOAT = 3
    BOOL = 4
    STRING = 5
    OBJECT = 6
    ARRAY = 7
    MAP = 8
    FILE = 9

    NAMES: ClassVar[dict[int, str]] = {
        1: "INT",
        2: "BIGINT",
        3: "FLOAT",
        4: "BOOL",
        5: "STRING",
        6: "OBJECT",
        7: "ARRAY",
        8: "MAP",
        9: "FILE",
    }


# FieldSpec flags (a bit set).
READ_ONLY = 1
INSERT_ONLY = 2
WRITE_ONLY = 4
IS_TIME = 8
DEPRECATED = 16
# An array field that parsed responses always carry as a list (`[]` when the server sent
# nothing or null), e.g. `objects` of list responses, so it can be typed `list[X]`.
ALWAYS_LIST = 32

# ParamSpec flags.
OPTIONAL = 1


class FieldSpec(NamedTuple):
    """One property of an object class, as declared by generated code (own fields only)."""

    wire_name: str
    attr_name: str
    kind: int
    ref: str | None = None
    flags: int = 0


class ParamSpec(NamedTuple):
    """One parameter of an action, in the order the generated method takes it."""

    name: str
    kind: int
    ref: str | None = None
    flags: int = 0


class ResultSpec(NamedTuple):
    """What an action returns: `kind` None for void, `FieldKind.FILE` for serve actions."""

    kind: int | None
    ref: str | None = None


class ActionSpec(NamedTuple):
    """Everything the runtime needs to send one action and type its result."""

    service: str
    action: str
    params: tuple[ParamSpec, ...]
    result: ResultSpec
    multi_request: bool = True
    serve: bool = False


# --------------------------------------------------------------------------------------------
# Enums


class KalturaIntEnum(int):
    """Base of integer enums: constants are instances that compare equal to their raw value.

    Unknown values (sent by a newer server) are accepted: `KalturaMediaType(99)` is a valid
    instance whose `repr` shows the raw value.
    """

    _members_: ClassVar[dict[int, KalturaIntEnum]]
    _names_: ClassVar[dict[int, str]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._members_ = {}
        cls._names_ = {}
        for name, value in list(cls.__dict__.items()):
            if name.startswith("_") or type(value) is not int:
                continue
            member = int.__new__(cls, value)
            cls._members_.setdefault(value, member)
            cls._names_.setdefault(value, name)
            setattr(cls, name, member)

    def __new__(cls, value: int | str) -> KalturaIntEnum:
        key = int(value)
        member = cls._members_.get(key)
        if member is not None:
            return member
        return int.__new__(cls, key)

    def getValue(self) -> int:
        """The raw value (compatibility with the official client)."""
        return int(self)

    @property
    def value(self) -> int:
        return int(self)

    @property
    def name(self) -> str | None:
        """The constant's name, or None for a value this client does not know."""
        return type(self)._names_.get(int(self))

    def __repr__(self) -> str:
        name = type(self)._names_.get(int(self))
        if name is None:
            return f"{type(self).__name__}({int(self)})"
        return f"{type(self).__name__}.{name}"

    __str__ = int.__repr__

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (int(self),))


class KalturaStringEnum(str):
    """Base of string enums: constants are `str` instances equal to their raw value."""

    _members_: ClassVar[dict[str, KalturaStringEnum]]
    _names_: ClassVar[dict[str, str]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._members_ = {}
        cls._names_ = {}
        for name, value in list(cls.__dict__.items()):
            if name.startswith("_") or type(value) is not str:
                continue
            member = str.__new__(cls, value)
            cls._members_.setdefault(value, member)
            cls._names_.setdefault(value, name)
            setattr(cls, name, member)

    def __new__(cls, value: str) -> KalturaStringEnum:
        key = str(value)
        member = cls._members_.get(key)
        if member is not None:
            return member
        return str.__new__(cls, key)

    def getValue(self) -> str:
        """The raw value (compatibility with the official client)."""
        return str.__str__(self)

    @property
    def value(self) -> str:
        return str.__str__(self)

    @property
    def name(self) -> str | None:
        """The constant's name, or None for a value this client does not know."""
        return type(self)._names_.get(str.__str__(self))

    def __repr__(self) -> str:
        raw = str.__str__(self)
        name = type(self)._names_.get(raw)
        if name is None:
            return f"{type(self).__name__}({raw!r})"
        return f"{type(self).__name__}.{name}"

    def __str__(self) -> str:
        return str.__str__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str.__str__(self),))


# --------------------------------------------------------------------------------------------
# Objects


class KalturaObjectBase:
    """Root of every API object.

    Subclasses declare `_kaltura_type_` and their own `_kaltura_fields_`; serialization
    (`toParams`), parsing (`fromXml`, JSON), `__repr__`, `__eq__` and `to_dict` are derived
    from those declarations once per class. Unset attributes hold `NotImplemented` (as in the
    official client); `None` means "send null".
    """

    _kaltura_type_: ClassVar[str] = ANY_OBJECT
    _kaltura_fields_: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("relatedObjects", "relatedObjects", FieldKind.MAP, "KalturaListResponse", 1),
    )

    relatedObjects: Any = NotImplemented

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Every declared field reads as NotImplemented (unset) through a class attribute, so
        # instances only need to hold what is set: parsed objects store just the fields the
        # server sent, and generated `__init__`s may skip unset arguments.
        super().__init_subclass__(**kwargs)
        for spec in cls.__dict__.get("_kaltura_fields_", ()):
            if not hasattr(cls, spec.attr_name):
                setattr(cls, spec.attr_name, NotImplemented)

    def __init__(self, relatedObjects: Any = NotImplemented) -> None:
        self.relatedObjects = relatedObjects

    # -- serialization ---------------------------------------------------------------------
    def toParams(self) -> KalturaParams:
        """The object as request parameters (what the official `toParams()` returns)."""
        from ._runtime import codec

        params = KalturaParams()
        params.params = codec.object_to_wire(self)
        return params

    def fromXml(self, node: Any) -> None:
        """Fill this object from an XML element (`xml.etree` or lxml) of its wire form."""
        from ._runtime import codec

        codec.fill_from_xml(self, node)

    def fromXmlImpl(self, node: Any, propList: Any = None) -> None:
        """Official hook: fill from XML (`propList`, the official per-class loaders, is not
        needed: the declared fields say how to read every property)."""
        self.fromXml(node)

    def fromJson(self, data: dict[str, Any]) -> None:
        """Fill this object from a decoded JSON object of its wire form."""
        from ._runtime import codec

        codec.fill_from_json(self, data)

    def to_dict(self) -> dict[str, Any]:
        """Set attributes as plain data: nested objects as dicts (with `objectType`), enums as
        raw values; unset attributes are left out."""
        from ._runtime import codec

        return codec.object_to_dict(self)

    def get_datetime(self, name: str) -> _dt.datetime | None:
        """The `isTime` attribute `name` as an aware UTC datetime (None if unset or null)."""
        import datetime

        value = getattr(self, name)
        if value is NotImplemented or value is None:
            return None
        return datetime.datetime.fromtimestamp(int(value), tz=datetime.timezone.utc)

    # -- comparison and display --------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        mine, theirs = self.__dict__, other.__dict__
        if mine == theirs:
            return True
        # unset attributes may be absent from one instance dict and NotImplemented in the other
        return all(
            mine.get(key, NotImplemented) == theirs.get(key, NotImplemented)
            for key in mine.keys() | theirs.keys()
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        from ._runtime import codec

        return codec.object_repr(self)

    # -- official accessors ----------------------------------------------------------------
    def getRelatedObjects(self) -> Any:
        return self.relatedObjects

    def setRelatedObjects(self, newRelatedObjects: Any) -> None:
        self.relatedObjects = newRelatedObjects


# XML helpers of the official Base module (kept for code that parses nodes itself).
def getXmlNodeText(xmlNode: Any) -> str:
    return str(xmlNode.text) if xmlNode.text else ""


def getXmlNodeBool(xmlNode: Any) -> bool | None:
    text = getXmlNodeText(xmlNode)
    if text == "0" or text == "false":
        return False
    if text == "1" or text == "true":
        return True
    return None


def getXmlNodeInt(xmlNode: Any) -> int | None:
    try:
        return int(getXmlNodeText(xmlNode))
    except ValueError:
        return None


def getXmlNodeFloat(xmlNode: Any) -> float | None:
    try:
        return float(getXmlNodeText(xmlNode))
    except ValueError:
        return None


class KalturaParams:
    """Request parameters container, with the official `add*IfDefined` helpers (for code
    written against the official client; generated code does not use it)."""

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def get(self) -> dict[str, Any]:
        return self.params

    def put(self, key: str, value: Any = None) -> None:
        if value is None:
            self.params[key + "__null"] = ""
        elif isinstance(value, bytes):
            self.params[key] = value.decode("utf8")
        else:
            self.params[key] = str(value)

    def update(self, props: dict[str, Any]) -> None:
        self.params.update(props)

    def add(self, key: str, objectProps: Any) -> None:
        self.params[key] = objectProps

    def addObjectIfDefined(self, key: str, obj: Any) -> None:
        if obj is NotImplemented:
            return
        if obj is None:
            self.put(key)
            return
        self.add(key, obj.toParams().get())

    def addArrayIfDefined(self, key: str, array: Any) -> None:
        if array is NotImplemented:
            return
        if array is None:
            self.put(key)
            return
        if len(array) == 0:
            self.params[key] = {"-": ""}
        else:
            self.params[key] = [item.toParams().get() for item in array]

    def addMapIfDefined(self, key: str, map_: Any) -> None:
        if map_ is NotImplemented:
            return
        if map_ is None:
            self.put(key)
            return
        if len(map_) == 0:
            self.params[key] = {"-": ""}
        else:
            self.params[key] = {name: map_[name].toParams().get() for name in map_}

    def addStringIfDefined(self, key: str, value: Any) -> None:
        if value is not NotImplemented:
            self.put(key, value)

    def addIntIfDefined(self, key: str, value: Any) -> None:
        if value is not NotImplemented:
            self.put(key, value)

    def addStringEnumIfDefined(self, key: str, value: Any) -> None:
        if value is NotImplemented:
            return
        if value is None:
            self.put(key)
            return
        self.put(key, value if type(value) is str else value.getValue())

    def addIntEnumIfDefined(self, key: str, value: Any) -> None:
        if value is NotImplemented:
            return
        if value is None:
            self.put(key)
            return
        self.put(key, value if type(value) is int else value.getValue())

    def addFloatIfDefined(self, key: str, value: Any) -> None:
        if value is not NotImplemented:
            self.put(key, value)

    def addBoolIfDefined(self, key: str, value: Any) -> None:
        if value is NotImplemented:
            return
        self.put(key, value)

    def sort(self, params: dict[str, Any]) -> dict[str, Any]:
        """`params` with keys sorted, recursively through dicts (the official signing order)."""
        return {
            key: self.sort(value) if isinstance(value, dict) else value
            for key, value in sorted(params.items(), key=lambda item: str(item[0]))
        }

    def toJson(self) -> str:
        import json

        return json.dumps(self.params)

    def signature(self, params: dict[str, Any] | None = None) -> bytes:
        """The official `kalsig`: MD5 (hex, as bytes) of the JSON text of the parameters."""
        if params is None:
            params = self.params
        # As the official: nested dicts are sorted in place, the top level keeps its order.
        for key, value in params.items():
            if isinstance(value, dict):
                params[key] = self.sort(value)
        return self.md5(self.toJson())

    @staticmethod
    def md5(str_: str | bytes) -> bytes:
        import binascii
        import hashlib

        data = str_ if isinstance(str_, bytes) else str_.encode("utf8")
        return binascii.hexlify(hashlib.md5(data).digest())


class KalturaServiceBase:
    """Base of generated service classes: holds the client the actions are sent through."""

    def __init__(self, client: KalturaClientBase | None = None) -> None:
        self.client: KalturaClientBase = client  # type: ignore[assignment]

    def setClient(self, client: KalturaClientBase) -> None:
        self.client = client


class AsyncKalturaServiceBase:
    """Base of generated async service classes (`AsyncKalturaMediaService`): the same actions
    as `async def` methods, sent through an `AsyncKalturaClient`."""

    def __init__(self, client: AsyncKalturaClientBase | None = None) -> None:
        self.client: AsyncKalturaClientBase = client  # type: ignore[assignment]

    def setClient(self, client: AsyncKalturaClientBase) -> None:
        self.client = client


class PluginServicesProxy:
    """A plugin's services under the plugin name (`client.metadata.metadataProfile`); the
    generated `<Plugin>PluginServices` classes derive from it. `addService` is the official
    way to attach one."""

    def __init__(self, client: Any = None) -> None:
        self.client = client

    def addService(self, serviceName: str, serviceClass: Any) -> None:
        setattr(self, serviceName, serviceClass)


class IKalturaLogger:
    """Official logger interface: `config.setLogger(obj)` with a `log(msg)` method.

    The client also logs through the stdlib logger "KalturaClient" (secrets redacted).
    """

    def log(self, msg: str) -> None:
        raise NotImplementedError()


class KalturaConfiguration:
    """Client settings: where and how requests are sent.

    Attributes (all may be set after construction):
      serviceUrl: base URL, e.g. "https://www.kaltura.com".
      format: response format, `KALTURA_SERVICE_FORMAT_JSON` (default: parses faster) or
        `KALTURA_SERVICE_FORMAT_XML` (the official client's only format).
      requestTimeout: the TOTAL time limit of a call in seconds (connect, retries, headers
        and the whole body: a server dripping bytes cannot hold a call longer).
      uploadTimeout: the same for requests carrying files (None = requestTimeout).
      maxResponseSize: the largest response body accepted, in bytes, after gzip decoding
        (default 256 MiB); a larger one (e.g. a gzip bomb) is a `KalturaClientException`.
      proxies: requests-style mapping, e.g. {"https": "http://proxy:3128"}.
      verifySSL: verify TLS certificates (default True); or a path to a CA bundle.
      userAgent: the User-Agent header.
      maxRetries: retries of safe failures (see the runtime docs); 0 disables.
      retryBackoff: first back-off delay in seconds (doubles every retry).
      ignoreNull: send `ignoreNull=1` (default), asking the server to keep null and empty
        string distinct in responses; False sends exactly what the official client sends.
    """

    def __init__(
        self,
        serviceUrl: str = "https://www.kaltura.com",
        logger: IKalturaLogger | None = None,
        *,
        format: int = KALTURA_SERVICE_FORMAT_JSON,
        requestTimeout: float = 120,
        uploadTimeout: float | None = None,
        proxies: dict[str, str] | None = None,
        verifySSL: bool | str = True,
        userAgent: str = "",
        maxRetries: int = 3,
        retryBackoff: float = 0.5,
        ignoreNull: bool = True,
        maxResponseSize: int = 256 * 1024 * 1024,
    ) -> None:
        self.logger = logger
        self.serviceUrl = serviceUrl
        self.format = format
        self.requestTimeout = requestTimeout
        self.uploadTimeout = uploadTimeout
        self.proxies: dict[str, str] = dict(proxies or {})
        self.verifySSL = verifySSL
        self.userAgent = userAgent
        self.maxRetries = maxRetries
        self.retryBackoff = retryBackoff
        self.ignoreNull = ignoreNull
        self.maxResponseSize = maxResponseSize

    def setLogger(self, log: IKalturaLogger | None) -> None:
        self.logger = log

    def getLogger(self) -> IKalturaLogger | None:
        return self.logger


class IKalturaClientPlugin:
    """Official plugin interface."""

    @staticmethod
    def get() -> IKalturaClientPlugin:
        raise NotImplementedError()

    def getServices(self) -> dict[str, Any]:
        raise NotImplementedError()

    def getName(self) -> str:
        raise NotImplementedError()


class KalturaClientPlugin(IKalturaClientPlugin):
    """Base of the generated `Kaltura<Plugin>ClientPlugin` classes (and `KalturaCoreClient`).

    Generated code only declares names; classes are looked up in the plugin's own module
    (then through the lazy registry) when asked for, so nothing is imported early:

        class KalturaMetadataClientPlugin(KalturaClientPlugin):
            _plugin_name_: ClassVar[str] = "metadata"
            _plugin_services_: ClassVar[dict[str, str]] = {
                "metadataProfile": "KalturaMetadataProfileService"}
            _plugin_enums_: ClassVar[tuple[str, ...]] = ("KalturaMetadataStatus",)
            _plugin_types_: ClassVar[tuple[str, ...]] = ("KalturaMetadata",)
    """

    _plugin_name_: ClassVar[str] = ""
    _plugin_services_: ClassVar[dict[str, str]] = {}
    _plugin_enums_: ClassVar[tuple[str, ...]] = ()
    _plugin_types_: ClassVar[tuple[str, ...]] = ()
    instance: ClassVar[Any] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.instance = None  # one singleton per plugin class

    @classmethod
    def get(cls) -> Any:
        """The plugin's singleton (official API)."""
        if cls.instance is None:
            cls.instance = cls()
        return cls.instance

    def _lookup(self, name: str, kind: str) -> Any:
        import sys

        from ._runtime import registry

        module = sys.modules.get(type(self).__module__)
        found = getattr(module, name, None) if module is not None else None
        if found is None:
            if kind == "enum":
                found = registry.find_enum_class(name)
            elif kind == "type":
                found = registry.object_class(name)
            else:
                found = registry.service_class(name)
        if found is None:
            raise KalturaClientException(
                f"{type(self).__name__}: unknown {kind} {name}",
                KalturaClientException.ERROR_INVALID_OBJECT_TYPE,
            )
        return found

    def getServices(self) -> dict[str, Any]:
        """Service accessor name -> service class (call it with the client)."""
        return {name: self._lookup(cls, "service") for name, cls in self._plugin_services_.items()}

    def getEnums(self) -> dict[str, Any]:
        return {name: self._lookup(name, "enum") for name in self._plugin_enums_}

    def getTypes(self) -> dict[str, Any]:
        return {name: self._lookup(name, "type") for name in self._plugin_types_}

    def getName(self) -> str:
        """The plugin name ("" for the core), the client attribute of its services."""
        return self._plugin_name_


class KalturaObjectFactory:
    """Official factory API, backed by the lazy registry."""

    objectFactories: ClassVar[dict[str, Any]] = {}

    @staticmethod
    def create(objectNode: Any, expectedTypeName: str) -> Any:
        from ._runtime import codec

        return codec.object_from_xml(objectNode, expectedTypeName)

    @staticmethod
    def createArray(arrayNode: Any, expectedElemType: str) -> list[Any]:
        from ._runtime import codec

        return [codec.object_from_xml(item, expectedElemType) for item in arrayNode]

    @staticmethod
    def createMap(mapNode: Any, expectedElemType: str) -> dict[str, Any]:
        from ._runtime import codec

        return codec.map_from_xml(mapNode, expectedElemType)

    @classmethod
    def registerObjects(cls, objs: dict[str, Any]) -> None:
        """Make classes resolvable by name (e.g. a user subclass for an `objectType`)."""
        from ._runtime import registry

        cls.objectFactories.update(objs)
        for name, klass in objs.items():
            registry.register_class(klass, name)


class KalturaEnumsFactory:
    """Official factory API, backed by the lazy registry."""

    enumFactories: ClassVar[dict[str, Any]] = {}

    @staticmethod
    def create(enumValue: Any, enumType: str) -> Any:
        from ._runtime import registry

        return registry.enum_class(enumType)(enumValue)

    @staticmethod
    def createInt(enumNode: Any, enumType: str) -> Any:
        value = getXmlNodeInt(enumNode)
        if value is None:
            return None
        return KalturaEnumsFactory.create(value, enumType)

    @staticmethod
    def createString(enumNode: Any, enumType: str) -> Any:
        value = getXmlNodeText(enumNode)
        if value == "":
            return None
        return KalturaEnumsFactory.create(value, enumType)

    @classmethod
    def registerEnums(cls, objs: dict[str, Any]) -> None:
        from ._runtime import registry

        cls.enumFactories.update(objs)
        for name, klass in objs.items():
            registry.register_enum(klass, name)
