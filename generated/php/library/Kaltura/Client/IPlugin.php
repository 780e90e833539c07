<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

interface IPlugin
{
    public static function get(Client $client): static;

    /**
     * @return array<string, ServiceBase>
     */
    public function getServices(): array;

    public function getName(): string;
}
