<?php
// Parses the same 500-entry media.list response with the official php53 client and with
// ours, in ONE process: the official tree is loaded under the namespace KalturaOfficial\
// (rewritten by bench_php.py), so both sets of classes exist side by side.
//
// php parse_bench.php OURS_LIBRARY OFFICIAL_LIBRARY RESPONSE.xml RESPONSE.json RUNS
// prints JSON: median seconds per parse for official-xml, ours-xml, ours-json.

error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
[$_, $ours, $official, $xmlPath, $jsonPath, $runs] = $argv;
spl_autoload_register(static function (string $class) use ($ours, $official): void {
    $root = str_starts_with($class, 'KalturaOfficial\\') ? $official : $ours;
    $path = $root . '/' . str_replace(['\\', '_'], '/', $class) . '.php';
    if (is_file($path)) {
        require $path;
    }
});
$xml = file_get_contents($xmlPath);
$json = file_get_contents($jsonPath);

$cases = [
    'official-xml' => static function () use ($xml) {
        $result = new SimpleXMLElement($xml);
        return \KalturaOfficial\Client\ParseUtils::unmarshalObject($result->result, 'KalturaMediaListResponse');
    },
    'ours-xml' => static function () use ($xml) {
        $result = new SimpleXMLElement($xml);
        return \Kaltura\Client\ParseUtils::fromXml($result->result, 'o:KalturaMediaListResponse');
    },
    'ours-json' => static function () use ($json) {
        return \Kaltura\Client\ParseUtils::fromJson(json_decode($json, true, 128, JSON_THROW_ON_ERROR), 'o:KalturaMediaListResponse');
    },
];
foreach ($cases as $name => $parse) {
    $first = $parse();
    if (count($first->objects) !== 500 || $first->objects[499]->name === null) {
        fwrite(STDERR, "$name parsed the response wrongly\n");
        exit(1);
    }
}
// Round robin: a load change on the machine hits every case alike.
$times = array_fill_keys(array_keys($cases), []);
for ($i = 0; $i < (int) $runs; $i++) {
    foreach ($cases as $name => $parse) {
        gc_collect_cycles();
        $start = hrtime(true);
        $parse();
        $times[$name][] = (hrtime(true) - $start) / 1e9;
    }
}
$out = [];
foreach ($times as $name => $list) {
    sort($list);
    $out[$name] = $list[intdiv(count($list), 2)];
}
echo json_encode($out), "\n";
