<?php
// Wire harness: loads ONE client (the official php53 tree or ours) and, for every action in
// the spec, captures the parameters it would send (no network: the queued call is read from
// the client), or parses the given responses; prints one JSON document.
//
// php harness.php LIBRARY_ROOT requests|parse SPEC.json

error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
[$_, $root, $mode, $specPath] = $argv;
spl_autoload_register(static function (string $class) use ($root): void {
    $path = $root . '/' . str_replace(['\\', '_'], '/', $class) . '.php';
    if (is_file($path)) {
        require $path;
    }
});
$spec = json_decode(file_get_contents($specPath), true, 512, JSON_THROW_ON_ERROR);
$ours = class_exists('Kaltura\Client\ChunkedUpload');

function classFor(string $kalturaName): string {
    $class = \Kaltura\Client\TypeMap::getZendType($kalturaName);
    if ($class === null) {
        throw new RuntimeException("no class for $kalturaName");
    }
    return $class;
}

function build(mixed $tree): mixed {
    if (!is_array($tree)) {
        return $tree;
    }
    if (isset($tree['$null'])) {
        return \Kaltura\Client\Client::getKalturaNullValue();
    }
    if (isset($tree['$date'])) {
        return $tree['$date'];
    }
    if (array_key_exists('$array', $tree)) {
        return array_map('build', $tree['$array']);
    }
    if (array_key_exists('$map', $tree)) {
        return array_map('build', $tree['$map']);
    }
    $class = classFor($tree['$class']);
    $object = new $class();
    $names = defined("$class::PROPERTIES") ? $class::PROPERTIES : [];
    foreach ($tree['props'] as $wire => $value) {
        $prop = $names[$wire][0] ?? $wire;
        $object->$prop = build($value);
    }
    return $object;
}

function queued(object $client): array {
    $property = new ReflectionProperty(\Kaltura\Client\Base::class, 'callsQueue');
    $calls = $property->getValue($client);
    return array_map(static fn ($call) => ['service' => $call->service, 'action' => $call->action, 'params' => $call->params, 'files' => array_keys($call->files)], $calls);
}

function normalize(mixed $value): mixed {
    if ($value instanceof \Kaltura\Client\NullValue) {
        return ['$null' => true];
    }
    if ($value instanceof \Kaltura\Client\ObjectBase) {
        $out = ['$class' => $value->getKalturaObjectType()];
        $names = defined(get_class($value) . '::PROPERTIES') ? $value::PROPERTIES : null;
        foreach (get_object_vars($value) as $prop => $v) {
            if ($v === null || ($v === [] && $prop === 'relatedObjects')) {
                continue;
            }
            $wire = $prop;
            if ($names !== null) {
                foreach ($names as $w => $s) {
                    if ($s[0] === $prop) {
                        $wire = $w;
                    }
                }
            }
            $out[$wire] = normalize($v);
        }
        ksort($out);
        return $out;
    }
    if (is_array($value)) {
        return array_map('normalize', $value);
    }
    if ($value instanceof \CURLFile) {
        return ['$file' => basename($value->getFilename())];
    }
    if (is_object($value)) {
        return ['$object' => get_class($value)];
    }
    return $value;
}

$config = new \Kaltura\Client\Configuration();
$config->setServiceUrl('http://127.0.0.1:1');
$out = [];
if ($mode === 'requests') {
    foreach ($spec['actions'] as $item) {
        $client = new \Kaltura\Client\Client($config);
        if (isset($item['ks'])) {
            $client->setKs($item['ks']);
        }
        $key = $item['service'] . '.' . $item['action'];
        try {
            $who = $ours ? 'ours' : 'official';
            $plugin = $item['plugin'][$who];
            $service = $plugin !== null
                ? $plugin::get($client)->{$item['accessor']}()
                : $client->{$item['accessor']}();
            $item['method'] = $item['method'][$who];
            $args = [];
            $rename = static fn (string $name): string => $ours ? $item['paramNames'][$name] : $name;
            foreach ($item['params'] as $name => $tree) {
                $args[$rename($name)] = build($tree);
            }
            foreach ($item['files'] as $name) {
                $args[$rename($name)] = $item['filePath'];
            }
            if ($item['serve']) {
                $url = $service->{$item['method']}(...$args);
                parse_str((string) parse_url($url, PHP_URL_QUERY), $query);
                $out[$key] = ['url' => parse_url($url, PHP_URL_PATH), 'params' => normalize($query)];
            } else {
                $client->startMultiRequest();
                $service->{$item['method']}(...$args);
                $calls = queued($client);
                $out[$key] = ['params' => normalize($calls[0]['params']), 'files' => $calls[0]['files'], 'service' => $calls[0]['service'], 'action' => $calls[0]['action']];
            }
        } catch (Throwable $e) {
            $out[$key] = ['error' => get_class($e) . ': ' . $e->getMessage()];
        }
    }
    // a multi-request whose second call uses the first one's result
    $client = new \Kaltura\Client\Client($config);
    $client->setKs('ks-multi');
    $client->startMultiRequest();
    $entry = new \Kaltura\Client\Type\MediaEntry();
    $entry->name = 'multi';
    $entry->mediaType = 1;
    $added = $client->getMediaService()->add($entry);
    $client->getMediaService()->update($added->id, $entry);
    $filter = new \Kaltura\Client\Type\MediaEntryFilter();
    $filter->idEqual = $added->id;
    $client->getMediaService()->listAction($filter);
    $merged = [];
    foreach ((new ReflectionProperty(\Kaltura\Client\Base::class, 'callsQueue'))->getValue($client) as $i => $call) {
        $merged = array_merge($merged, $call->getParamsForMultiRequest($i));
    }
    $out['$multiRequest'] = normalize($merged);
    // the top of every body: format, ignoreNull, client configuration
    $client = new \Kaltura\Client\Client($config);
    $top = new ReflectionProperty(\Kaltura\Client\Base::class, 'clientConfiguration');
    $out['$clientConfiguration'] = $top->getValue($client);
} else {
    foreach ($spec['responses'] as $key => $response) {
        try {
            $xml = new SimpleXMLElement($response['xml']);
            if ($ours) {
                $fromXml = \Kaltura\Client\ParseUtils::objectFromXml($xml->result, $response['declared']);
                $fromJson = \Kaltura\Client\ParseUtils::objectFromJson(json_decode($response['json'], true), $response['declared']);
                $out[$key] = ['xml' => normalize($fromXml), 'json' => normalize($fromJson)];
            } else {
                $parsed = \Kaltura\Client\ParseUtils::unmarshalObject($xml->result, $response['declared']);
                $out[$key] = ['xml' => normalize($parsed)];
            }
        } catch (Throwable $e) {
            $out[$key] = ['error' => get_class($e) . ': ' . $e->getMessage()];
        }
    }
}
echo json_encode($out, JSON_THROW_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE | JSON_PRESERVE_ZERO_FRACTION), "\n";
