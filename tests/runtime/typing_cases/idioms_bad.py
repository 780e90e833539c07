# Each call below must be a mypy --strict error (the expected ones are listed in the test).
from KalturaClient import KalturaClient, KalturaConfiguration

client = KalturaClient(KalturaConfiguration("http://127.0.0.1:9"))
with client.multi_request() as batch:
    batch.add(client.media.get, 5)
    batch.add(client.media.get, "0_x", versio=1)


async def async_script() -> None:
    from idioms_ok import AsyncKalturaClient

    config = KalturaConfiguration("http://127.0.0.1:9")
    async with AsyncKalturaClient(config) as aclient, aclient.multi_request() as abatch:
        abatch.add(aclient.media.get, 5)
