// Compiled with tsc --strict against the installed package by test_package.py.
import { KalturaClient, KalturaServicesClient, KalturaAPIException } from 'kaltura-typescript-client';
import { MediaListAction } from 'kaltura-typescript-client/api/types/MediaListAction';
import { KalturaMediaEntryFilter } from 'kaltura-typescript-client/api/types/KalturaMediaEntryFilter';
import type { KalturaMediaEntry } from 'kaltura-typescript-client/api/types/KalturaMediaEntry';

const client = new KalturaClient({ endpointUrl: 'https://example.invalid', clientTag: 'app' });
const request = new MediaListAction({ filter: new KalturaMediaEntryFilter({ nameLike: 'x' }) });
const body: Record<string, unknown> = request.buildRequest(null);
const services = new KalturaServicesClient({ endpointUrl: 'https://example.invalid', clientTag: 'app' });

export async function names(): Promise<string[]> {
    const found: string[] = [];
    const entries: AsyncGenerator<KalturaMediaEntry> = services.media.listAll(new KalturaMediaEntryFilter());
    for await (const entry of entries) found.push(entry.name ?? '');
    return found;
}

// The types are real: a wrong one is an error (an unused @ts-expect-error would be one too).
// @ts-expect-error nameLike is a string
export const wrong = new KalturaMediaEntryFilter({ nameLike: 42 });

export const ok: boolean = typeof client.request === 'function' && KalturaAPIException.name.length > 0;
console.log(JSON.stringify(body));
