from __future__ import annotations

from typing import Any, ClassVar

from ._runtime.client import KalturaClientBase


class KalturaClient(KalturaClientBase):
    API_VERSION: ClassVar[str] = "22.19.0"
    CLIENT_TAG: ClassVar[str] = "python:test"

    @property
    def media(self) -> Any:
        from .Plugins.Core import KalturaMediaService

        return KalturaMediaService(self)

    @property
    def data(self) -> Any:
        from .Plugins.Core import KalturaDataService

        return KalturaDataService(self)

    @property
    def uploadToken(self) -> Any:
        from .Plugins.Core import KalturaUploadTokenService

        return KalturaUploadTokenService(self)

    def setKs(self, ks: Any) -> None:
        self.requestConfiguration["ks"] = ks

    setSessionId = setKs

    def setPartnerId(self, partnerId: Any) -> None:
        self.requestConfiguration["partnerId"] = partnerId

    def setResponseProfile(self, responseProfile: Any) -> None:
        self.requestConfiguration["responseProfile"] = responseProfile

    def setClientTag(self, clientTag: Any) -> None:
        self.clientConfiguration["clientTag"] = clientTag
