<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Base class of every service: holds the client its actions go through.
 */
abstract class ServiceBase
{
    public function __construct(protected ?Client $client = null)
    {
    }

    public function setClient(Client $client): void
    {
        $this->client = $client;
    }

    public function getClient(): ?Client
    {
        return $this->client;
    }
}
