<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Implement to receive the client's log lines (the official interface). KS values and
 * secrets are replaced by `***` before a line reaches the logger.
 */
interface ILogger
{
    public function log($msg);
}
