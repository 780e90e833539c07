<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Responses (decoded JSON or SimpleXML) into objects.
 *
 * A value's spec says what the schema declares: `s`, `i`, `f`, `b` scalars; `o:KalturaX` an
 * object of class KalturaX (or a subclass, by `objectType`; an unknown or unrelated
 * `objectType` falls back to KalturaX); `a:KalturaX` / `m:KalturaX` arrays and maps of them;
 * `a:=s` arrays of scalars.
 */
final class ParseUtils
{
    /** @var array<string, bool> */
    private static array $instantiable = [];

    /** @return class-string<ObjectBase>|null */
    private static function classFor(mixed $objectType, string $declared): ?string
    {
        $fallback = TypeMap::MAP[$declared] ?? null;
        $class = is_string($objectType) ? (TypeMap::MAP[$objectType] ?? null) : null;
        if ($class === null || ($fallback !== null && $class !== $fallback && !is_subclass_of($class, $fallback))) {
            $class = $fallback;
        }
        if ($class === null) {
            return null;
        }
        $ok = self::$instantiable[$class] ??= !(new \ReflectionClass($class))->isAbstract();
        return $ok ? $class : null;
    }

    // ---------------------------------------------------------------- JSON

    public static function fromJson(mixed $value, string $spec): mixed
    {
        if ($value === null || $spec === '') {
            return null;
        }
        switch ($spec[0]) {
            case 's':
                return is_string($value) ? $value : (is_bool($value) ? ($value ? '1' : '') : (is_scalar($value) ? (string) $value : null));
            case 'i':
                return is_int($value) ? $value : (is_scalar($value) ? (int) $value : null);
            case 'f':
                return is_float($value) ? $value : (is_scalar($value) ? (float) $value : null);
            case 'b':
                return self::toBool($value);
            case 'o':
                return is_array($value) ? self::objectFromJson($value, substr($spec, 2)) : null;
            case 'a':
            case 'm':
                if (!is_array($value)) {
                    return null;
                }
                $inner = substr($spec, 2);
                $scalar = $inner !== '' && $inner[0] === '=' ? substr($inner, 1) : null;
                $out = [];
                foreach ($value as $key => $item) {
                    if ($spec[0] === 'm' && is_array($item) && isset($item['itemKey'])) {
                        $key = $item['itemKey'];
                    }
                    $parsed = $scalar !== null ? self::fromJson($item, $scalar)
                        : (is_array($item) ? self::objectFromJson($item, $inner) : null);
                    if ($spec[0] === 'm') {
                        $out[(string) $key] = $parsed;
                    } else {
                        $out[] = $parsed;
                    }
                }
                return $out;
        }
        return null;
    }

    /**
     * @param array<mixed> $data
     */
    public static function objectFromJson(array $data, string $declared): ?ObjectBase
    {
        $class = self::classFor($data['objectType'] ?? null, $declared);
        if ($class === null) {
            return null;
        }
        $object = new $class();
        $object->fillFromJson($data);
        return $object;
    }

    public static function toBool(mixed $value): bool
    {
        return is_bool($value) ? $value : !($value === 'false' || $value === '0' || $value === 0 || $value === '' || $value === []);
    }

    // ---------------------------------------------------------------- XML

    public static function fromXml(\SimpleXMLElement $xml, string $spec): mixed
    {
        if ($spec === '') {
            return null;
        }
        switch ($spec[0]) {
            case 's':
                return (string) $xml;
            case 'i':
                return (int) (string) $xml;
            case 'f':
                return (float) (string) $xml;
            case 'b':
                $text = (string) $xml;
                return !($text === '' || $text === '0' || $text === 'false');
            case 'o':
                return self::objectFromXml($xml, substr($spec, 2));
            case 'a':
            case 'm':
                $inner = substr($spec, 2);
                $scalar = $inner !== '' && $inner[0] === '=' ? substr($inner, 1) : null;
                $out = [];
                foreach ($xml->children() as $item) {
                    $parsed = $scalar !== null ? self::fromXml($item, $scalar) : self::objectFromXml($item, $inner);
                    if ($spec[0] === 'm') {
                        $out[(string) $item->itemKey] = $parsed;
                    } else {
                        $out[] = $parsed;
                    }
                }
                return $out;
        }
        return null;
    }

    public static function objectFromXml(\SimpleXMLElement $xml, string $declared): ?ObjectBase
    {
        $class = self::classFor((string) $xml->objectType, $declared);
        if ($class === null) {
            return null;
        }
        $object = new $class();
        $object->fillFromXml($xml);
        return $object;
    }

    // The official client's names, for code that calls them directly.

    public static function unmarshalSimpleType(\SimpleXMLElement $xml): string
    {
        return (string) $xml;
    }

    public static function unmarshalObject(\SimpleXMLElement $xml, ?string $fallbackType = null): ?ObjectBase
    {
        return self::objectFromXml($xml, $fallbackType ?? '');
    }

    /**
     * @return array<int, ObjectBase|null>
     */
    public static function unmarshalArray(\SimpleXMLElement $xml, ?string $fallbackType = null): array
    {
        /** @var array<int, ObjectBase|null> */
        return self::fromXml($xml, 'a:' . ($fallbackType ?? ''));
    }

    /**
     * @return array<string, ObjectBase|null>
     */
    public static function unmarshalMap(\SimpleXMLElement $xml, ?string $fallbackType = null): array
    {
        /** @var array<string, ObjectBase|null> */
        return self::fromXml($xml, 'm:' . ($fallbackType ?? ''));
    }
}
