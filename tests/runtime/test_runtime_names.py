"""Every public name of the official KalturaApiClient 22.18.0 modules that is not derived from
the schema exists in the runtime, with a compatible signature and the behaviour its name
promises (the official client runs in a subprocess for the comparisons)."""

from __future__ import annotations

import importlib
import inspect
import logging
import types
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any, ClassVar, Protocol, TypeVar

import pytest

from .conftest import KalturaTestServer, run_official

_F = TypeVar("_F", bound=Callable[..., Any])


class RetryOnException(Protocol):
    """The signature of the runtime's `retry_on_exception` (kpkg is imported at run time)."""

    def __call__(
        self,
        max_retries: int = 3,
        delay: float = 1,
        backoff: float = 2,
        exceptions: tuple[type[BaseException], ...] = (Exception,),
    ) -> Callable[[_F], _F]: ...


# Official names that come from the schema (generated, not runtime) or are its internals.
SCHEMA_DERIVED = {"API_VERSION", "KalturaClientConfiguration", "KalturaRequestConfiguration"}
OFFICIAL_INTERNALS = {
    "addCoreService",
    "closeHandle",
    "doHttpRequest",
    "flattenParams",
    "loadConfiguration",
    "loadConfigurationItem",
    "loadConfigurations",
    "loadPlugin",
    "loadPlugins",
    "openRequestUrl",
    "parsePostResult",
    "readHttpResponse",
    "registerPluginObjects",
    "registerPluginServices",
}

OFFICIAL_SURFACE = """
import inspect, json, types
import KalturaClient.Base, KalturaClient.Client, KalturaClient.exceptions
out = {}
for mod in (KalturaClient.Base, KalturaClient.Client, KalturaClient.exceptions):
    names = {}
    for name, value in vars(mod).items():
        if name.startswith("_") or isinstance(value, types.ModuleType):
            continue
        if getattr(value, "__module__", mod.__name__).split(".")[0] not in ("KalturaClient",) \\
                and not isinstance(value, (int, str)):
            continue  # third-party imports (MultipartEncoder, HTTPConnection, etree...)
        members = {}
        if inspect.isclass(value):
            for attr, member in vars(value).items():
                if attr.startswith("_"):
                    continue
                func = getattr(member, "__func__", member)
                if callable(func):
                    members[attr] = list(inspect.signature(func).parameters)
                else:
                    members[attr] = repr(member)
        names[name] = members
    out[mod.__name__.rsplit(".", 1)[1]] = names
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def official() -> dict[str, dict[str, dict[str, Any]]]:
    surface: dict[str, dict[str, dict[str, Any]]] = run_official(OFFICIAL_SURFACE)
    return surface


def ours(kpkg: types.SimpleNamespace, module: str) -> dict[str, Any]:
    """Our module namespace; `Client` is what the generated Client.py exposes: the
    KalturaClient class plus the runtime's CLIENT_MODULE_EXPORTS."""
    if module == "Client":
        runtime = kpkg.client_mod
        names = {name: getattr(runtime, name) for name in runtime.CLIENT_MODULE_EXPORTS}
        names["KalturaClient"] = runtime.KalturaClientBase
        return names
    return vars(importlib.import_module(f"KalturaClient.{module}"))


def params(func: Any) -> list[str]:
    return list(inspect.signature(getattr(func, "__func__", func)).parameters)


@pytest.mark.parametrize("module", ["Base", "Client", "exceptions"])
def test_every_official_name_exists_with_a_compatible_signature(
    kpkg: types.SimpleNamespace, official: dict[str, Any], module: str
) -> None:
    namespace = ours(kpkg, module)
    problems = []
    for name, members in official[module].items():
        if name in SCHEMA_DERIVED:
            continue
        if name not in namespace:
            problems.append(f"missing {module}.{name}")
            continue
        value = namespace[name]
        for attr, official_member in members.items():
            if attr in OFFICIAL_INTERNALS:
                continue
            mine = inspect.getattr_static(value, attr, None)
            if mine is None:
                problems.append(f"missing {module}.{name}.{attr}")
            elif isinstance(official_member, list):
                mine_params = params(getattr(value, attr))
                # the official's parameters, in order, are a prefix of ours (`self` aside)
                theirs = [p for p in official_member if p not in ("self", "cls")]
                got = [p for p in mine_params if p not in ("self", "cls")]
                if got[: len(theirs)] != theirs and not (
                    theirs and theirs[-2:] == ["args", "kwargs"]
                ):
                    problems.append(f"{module}.{name}.{attr}: {got} vs official {theirs}")
            elif official_member != repr(getattr(value, attr)):
                problems.append(f"{module}.{name}.{attr} = {getattr(value, attr)!r}")
    assert not problems, "\n".join(problems)
    assert len(official[module]) >= 2  # the comparison saw the official module


def test_client_constants_equal_the_official(kpkg: types.SimpleNamespace) -> None:
    base = kpkg.client_mod.KalturaClientBase
    assert (base.RANDOM_SIZE, base.FIELD_EXPIRY, base.FIELD_TYPE, base.FIELD_USER) == (
        16,
        "_e",
        "_t",
        "_u",
    )
    assert base.ENCODING == "utf8"
    assert kpkg.client_mod.KALTURA_SERVICE_FORMAT_XML == 2


def test_retry_on_exception_retries_then_lets_the_error_through(
    kpkg: types.SimpleNamespace,
) -> None:
    retry: RetryOnException = kpkg.client_mod.retry_on_exception
    logged: list[str] = []

    class Owner:
        calls = 0

        def log(self, msg: str) -> None:
            logged.append(msg)

        @retry(max_retries=3, delay=0, exceptions=(ValueError,))
        def flaky(self, fail_times: int) -> str:
            Owner.calls += 1
            if Owner.calls <= fail_times:
                raise ValueError(f"boom {Owner.calls}")
            return "ok"

    owner = Owner()
    assert owner.flaky(2) == "ok" and Owner.calls == 3 and len(logged) == 2
    assert "boom 1" in logged[0]
    Owner.calls = 0
    with pytest.raises(ValueError, match="boom 3"):
        owner.flaky(5)
    assert Owner.calls == 3
    Owner.calls = 0

    @retry(max_retries=3, delay=0, exceptions=(KeyError,))
    def other() -> None:
        Owner.calls += 1
        raise ValueError("not retried")

    with pytest.raises(ValueError):
        other()
    assert Owner.calls == 1


def test_debug_requests_on_and_off(kpkg: types.SimpleNamespace) -> None:
    logger = logging.getLogger("KalturaClient")
    root = logging.getLogger()
    saved = (logger.level, root.level, list(root.handlers))
    try:
        kpkg.client_mod.debug_requests_on()
        assert logger.isEnabledFor(logging.DEBUG)
        assert logging.getLogger("urllib3").isEnabledFor(logging.DEBUG)
        kpkg.client_mod.debug_requests_off()
        assert not logger.isEnabledFor(logging.DEBUG)
    finally:
        logger.setLevel(saved[0])
        root.setLevel(saved[1])
        root.handlers[:] = saved[2]


def test_service_action_call_and_params_signature_match_the_official(
    kpkg: types.SimpleNamespace,
) -> None:
    p = kpkg.Base.KalturaParams()
    p.put("entryId", "0_x")
    p.addObjectIfDefined("filter", kpkg.Core.KalturaMediaEntryFilter(nameLike="a", idIn="b"))
    p.addIntEnumIfDefined("type", kpkg.Core.KalturaMediaType.VIDEO)
    p.addBoolIfDefined("flag", True)
    p.addArrayIfDefined("empty", [])
    p.addStringIfDefined("unset", NotImplemented)
    call = kpkg.client_mod.KalturaServiceActionCall("media", "get", p, {"f": b"x"})
    mine = [call.getParamsForMultiRequest(2), call.getFilesForMultiRequest(2)]
    signature = kpkg.Base.KalturaParams()
    signature.params = {"b": {"z": 1, "a": 2}, "a": "1"}
    mine_sig = signature.signature().decode()
    theirs = run_official(
        "import json\n"
        "from KalturaClient.Base import KalturaParams\n"
        "from KalturaClient.Client import KalturaServiceActionCall\n"
        "from KalturaClient.Plugins.Core import KalturaMediaEntryFilter, KalturaMediaType\n"
        "p = KalturaParams(); p.put('entryId', '0_x')\n"
        "p.addObjectIfDefined('filter', KalturaMediaEntryFilter(nameLike='a', idIn='b'))\n"
        "p.addIntEnumIfDefined('type', KalturaMediaType.VIDEO)\n"
        "p.addBoolIfDefined('flag', True)\n"
        "p.addArrayIfDefined('empty', [])\n"
        "p.addStringIfDefined('unset', NotImplemented)\n"
        "c = KalturaServiceActionCall('media', 'get', p, {'f': 'x'})\n"
        "s = KalturaParams(); s.params = {'b': {'z': 1, 'a': 2}, 'a': '1'}\n"
        "print(json.dumps([c.getParamsForMultiRequest(2), c.getFilesForMultiRequest(2),"
        " s.signature().decode()]))\n"
    )
    assert mine[0] == theirs[0]
    assert list(mine[1]) == list(theirs[1]) == ["2:f"]
    assert mine_sig == theirs[2]


def test_plugin_services_proxy_and_client_plugin(kpkg: types.SimpleNamespace) -> None:
    base = kpkg.Base
    proxy = base.PluginServicesProxy()
    proxy.addService("metadataProfile", "service-object")
    assert proxy.metadataProfile == "service-object"

    # kpkg's classes are imported at run time: mypy sees them as Any (it cannot check a
    # subclass of one), as with KalturaBrokenClientPlugin and MyEntry below.
    plugin_base: type = base.KalturaClientPlugin

    class KalturaTestClientPlugin(plugin_base):  # type: ignore[misc]
        _plugin_name_ = "test"
        _plugin_services_: ClassVar[dict[str, str]] = {"media": "KalturaMediaService"}
        _plugin_enums_ = ("KalturaMediaType",)
        _plugin_types_ = ("KalturaMediaEntry",)

    # the names resolve through the registry (the class is not in Plugins.Core's module)
    plugin = KalturaTestClientPlugin.get()
    assert plugin is KalturaTestClientPlugin.get()
    assert isinstance(plugin, base.IKalturaClientPlugin)
    assert plugin.getName() == "test"
    assert plugin.getEnums() == {"KalturaMediaType": kpkg.Core.KalturaMediaType}
    assert plugin.getTypes() == {"KalturaMediaEntry": kpkg.Core.KalturaMediaEntry}

    class KalturaBrokenClientPlugin(plugin_base):  # type: ignore[misc]
        _plugin_types_ = ("KalturaNoSuchThing",)

    with pytest.raises(kpkg.exceptions.KalturaClientException, match="KalturaNoSuchThing"):
        KalturaBrokenClientPlugin.get().getTypes()
    assert KalturaBrokenClientPlugin.get() is not plugin


def test_factories_register_user_classes(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    media_entry: type = kpkg.Core.KalturaMediaEntry

    class MyEntry(media_entry):  # type: ignore[misc]  # a class of kpkg: Any to mypy
        pass

    kpkg.Base.KalturaObjectFactory.registerObjects({"KalturaMyEntry": MyEntry})
    server.reply_json({"objectType": "KalturaMyEntry", "id": "0_m"})
    c = kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(server.url))
    got = c.media.get("0_m")
    assert type(got) is MyEntry and got.id == "0_m"
    node = ET.fromstring("<v>2</v>")
    assert kpkg.Base.KalturaEnumsFactory.createInt(node, "KalturaMediaType") == 2
    assert type(kpkg.Base.KalturaEnumsFactory.createInt(node, "KalturaMediaType")) is (
        kpkg.Core.KalturaMediaType
    )
