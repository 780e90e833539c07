<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Assign it to a property or pass it as a parameter to send an explicit null
 * (`name__null` on the wire): the server then clears the value.
 */
final class NullValue
{
    private static ?NullValue $instance = null;

    private function __construct()
    {
    }

    public static function getInstance(): NullValue
    {
        return self::$instance ??= new NullValue();
    }

    public function __toString(): string
    {
        return '';
    }
}
