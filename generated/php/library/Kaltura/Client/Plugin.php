<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Base class of every plugin: `MetadataPlugin::get($client)->getMetadataService()`.
 */
abstract class Plugin implements IPlugin
{
    /** @var array<string, ServiceBase> */
    private array $services = [];

    final protected function __construct(protected Client $_client)
    {
    }

    /**
     * @param class-string<ServiceBase> $class
     */
    protected function service(string $key, string $class): ServiceBase
    {
        return $this->services[$key] ??= new $class($this->_client);
    }

    public function __get(string $prop): ?ServiceBase
    {
        $getter = 'get' . ucfirst($prop) . 'Service';
        return method_exists($this, $getter) ? $this->$getter() : null;
    }
}
