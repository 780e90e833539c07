// Compile-time checks of the generated API surface (compiled with `tsc --strict --noEmit` by
// test_runtime.py against a generated ovp-22.19.0 package installed as node_modules/
// kaltura-typescript-client, imported by the official import paths). Each
// `@ts-expect-error` must be an error, or tsc fails with "Unused '@ts-expect-error' directive".
import { KalturaClient, KalturaMultiRequest, KalturaAPIException } from 'kaltura-typescript-client';
import { MediaListAction } from 'kaltura-typescript-client/api/types/MediaListAction';
import { MediaGetAction } from 'kaltura-typescript-client/api/types/MediaGetAction';
import { SystemPingAction } from 'kaltura-typescript-client/api/types/SystemPingAction';
import { CaptionAssetServeAction } from 'kaltura-typescript-client/api/types/CaptionAssetServeAction';
import { KalturaMediaEntry } from 'kaltura-typescript-client/api/types/KalturaMediaEntry';
import { KalturaMediaEntryFilter } from 'kaltura-typescript-client/api/types/KalturaMediaEntryFilter';
import { KalturaMediaType } from 'kaltura-typescript-client/api/types/KalturaMediaType';
import { KalturaEntryStatus } from 'kaltura-typescript-client/api/types/KalturaEntryStatus';
import type { KalturaMediaListResponse } from 'kaltura-typescript-client/api/types/KalturaMediaListResponse';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
    return undefined;
}

export async function surface(): Promise<void> {
    const client = new KalturaClient({ endpointUrl: 'https://example.com', clientTag: 'types' }, { ks: 'ks', partnerId: 1 });

    // official names and values
    const video: KalturaMediaType = KalturaMediaType.video;
    const ready: KalturaEntryStatus = KalturaEntryStatus.ready;
    void video;
    void ready;

    const filter = new KalturaMediaEntryFilter({ mediaTypeEqual: KalturaMediaType.video, createdAtGreaterThanOrEqual: new Date() });
    const list = await client.request(new MediaListAction({ filter }));
    assertType<Equal<typeof list, KalturaMediaListResponse>>();

    const ping = client.request(new SystemPingAction());
    assertType<Equal<Awaited<typeof ping>, boolean>>();
    ping.cancel();

    const serve = await client.request(new CaptionAssetServeAction({ captionAssetId: '1' }));
    assertType<Equal<typeof serve, { url: string }>>();

    // typed multi-request results, by position
    const multi = await client.multiRequest([new MediaGetAction({ entryId: 'a' }), new SystemPingAction()]);
    const [first, second] = multi.responses;
    assertType<Equal<typeof first.result, KalturaMediaEntry | undefined>>();
    assertType<Equal<typeof second.result, boolean | undefined>>();
    const [direct0, direct1] = multi; // the response itself is typed by position
    assertType<Equal<typeof direct0.result, KalturaMediaEntry | undefined>>();
    assertType<Equal<typeof direct1.result, boolean | undefined>>();
    assertType<Equal<typeof multi[0]['result'], KalturaMediaEntry | undefined>>();
    const viaClass = await client.multiRequest(new KalturaMultiRequest(new SystemPingAction()));
    assertType<Equal<typeof viaClass.responses[0]['result'], boolean | undefined>>();

    const error = multi.getFirstError();
    if (error instanceof KalturaAPIException) {
        const code: string = error.code;
        void code;
    }

    // @ts-expect-error required parameter missing
    new MediaGetAction({});
    // @ts-expect-error wrong parameter type
    new MediaGetAction({ entryId: 5 });
    // @ts-expect-error read-only properties are not constructor arguments
    new KalturaMediaEntry({ createdAt: new Date() });
    // @ts-expect-error read-only properties cannot be assigned
    new KalturaMediaEntry().id = 'x';
    // @ts-expect-error time properties are Dates
    new KalturaMediaEntryFilter({ createdAtGreaterThanOrEqual: 'yesterday' });
    // @ts-expect-error unknown property
    new KalturaMediaEntry({ noSuchProperty: 1 });

    const controller = new AbortController();
    await client.request(new SystemPingAction(), { signal: controller.signal, timeout: 1000 });
}
