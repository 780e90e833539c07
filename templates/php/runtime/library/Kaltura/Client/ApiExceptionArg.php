<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * One named argument of an API error.
 */
class ApiExceptionArg extends ObjectBase
{
    /** @var array<string, array{0: string, 1: string}> */
    public const PROPERTIES = ['name' => ['name', 's'], 'value' => ['value', 's']];

    public function getKalturaObjectType(): string
    {
        return 'KalturaApiExceptionArg';
    }

    /** Argument name (read-only). */
    public ?string $name = null;

    /** Argument value. */
    public ?string $value = null;
}
