<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Base class of every object. Each generated class lists its properties in `PROPERTIES`
 * (wire name => [PHP property, parse spec]); parsing and flattening are generic.
 */
abstract class ObjectBase
{
    /** @var array<string, array{0: string, 1: string}> */
    public const PROPERTIES = [];

    /**
     * Related objects a response profile asked for (any object may carry them).
     *
     * @var array<string, \Kaltura\Client\ObjectBase>|null
     */
    public ?array $relatedObjects = null;

    abstract public function getKalturaObjectType(): string;

    /**
     * @internal sets the properties from a decoded JSON object; each class adds its own
     * @param array<mixed> $data
     */
    public function fillFromJson(array $data): void
    {
        if (isset($data['relatedObjects']) && is_array($data['relatedObjects'])) {
            $this->relatedObjects = ParseUtils::fromJson($data['relatedObjects'], 'm:KalturaListResponse');
        }
    }

    /**
     * @internal sets the properties from a response's XML element; each class adds its own
     */
    public function fillFromXml(\SimpleXMLElement $xml): void
    {
        if (isset($xml->relatedObjects)) {
            $this->relatedObjects = ParseUtils::fromXml($xml->relatedObjects, 'm:KalturaListResponse');
        }
    }

    /**
     * The object as request parameters: `objectType` first, then every property that is set,
     * in declaration order (inherited first), as the official client sends them.
     *
     * @return array<string, mixed>
     */
    public function toParams(): array
    {
        $params = ['objectType' => $this->getKalturaObjectType()];
        foreach (static::PROPERTIES as $wire => $spec) {
            $value = $this->{$spec[0]};
            if ($value === null) {
                continue;
            }
            $params[$wire] = $value instanceof ObjectBase ? $value->toParams() : $value;
        }
        return $params;
    }
}
