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

    /**
     * @param array<mixed> $data
     */
    public function fillFromJson(array $data): void
    {
        parent::fillFromJson($data);
        if (is_scalar($v = $data['name'] ?? null)) {
            $this->name = (string) $v;
        }
        if (is_scalar($v = $data['value'] ?? null)) {
            $this->value = (string) $v;
        }
    }

    public function fillFromXml(\SimpleXMLElement $xml): void
    {
        $this->name = isset($xml->name) ? (string) $xml->name : null;
        $this->value = isset($xml->value) ? (string) $xml->value : null;
    }

    /** Argument name (read-only). */
    public ?string $name = null;

    /** Argument value. */
    public ?string $value = null;
}
