<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Base class of every enum: a class of constants, as in the official client.
 */
abstract class EnumBase
{
}
