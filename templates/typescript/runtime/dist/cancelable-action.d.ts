export type { CancelableAction } from './kaltura-client.js';
export type CancelFn = () => void;
export type ResolveFn<T> = (value: T | null) => unknown;
export type RejectFn = (reason: Error) => unknown;
