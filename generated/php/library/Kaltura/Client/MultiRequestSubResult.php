<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * A reference to (a part of) an earlier result of the same multi-request: `{1:result:id}`.
 *
 * @implements \ArrayAccess<string, MultiRequestSubResult>
 */
final class MultiRequestSubResult implements \ArrayAccess
{
    public function __construct(private string $value)
    {
    }

    public function __toString(): string
    {
        return '{' . $this->value . '}';
    }

    public function __get(string $name): MultiRequestSubResult
    {
        return new MultiRequestSubResult($this->value . ':' . $name);
    }

    public function offsetExists(mixed $offset): bool
    {
        return true;
    }

    public function offsetGet(mixed $offset): MultiRequestSubResult
    {
        return new MultiRequestSubResult($this->value . ':' . $offset);
    }

    public function offsetSet(mixed $offset, mixed $value): void
    {
    }

    public function offsetUnset(mixed $offset): void
    {
    }
}
