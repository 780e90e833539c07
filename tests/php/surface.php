<?php
// The public surface of one client, by reflection: every class under the PSR-0 root with
// its parent, constants, public properties and public methods (parameters: name, optional,
// default). Classes listed in SKIP.json are not loaded (the official tree has files PHP 8
// cannot compile). Prints one JSON document.
//
// php surface.php LIBRARY_ROOT SKIP.json

error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
[$_, $root, $skipPath] = $argv;
$skip = array_flip(json_decode(file_get_contents($skipPath), true));
spl_autoload_register(static function (string $class) use ($root, $skip): void {
    if (isset($skip[$class])) {
        return;
    }
    $path = $root . '/' . str_replace(['\\', '_'], '/', $class) . '.php';
    if (is_file($path)) {
        require $path;
    }
});
$out = [];
$iterator = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root, FilesystemIterator::SKIP_DOTS));
$names = [];
foreach ($iterator as $file) {
    if ($file->isFile() && str_ends_with($file->getFilename(), '.php')) {
        $names[] = str_replace('/', '\\', substr($file->getPathname(), strlen($root) + 1, -4));
    }
}
sort($names);
foreach ($names as $name) {
    if (isset($skip[$name])) {
        continue;
    }
    if (!class_exists($name) && !interface_exists($name)) {
        $out[$name] = ['error' => 'not loadable'];
        continue;
    }
    $class = new ReflectionClass($name);
    $methods = [];
    foreach ($class->getMethods(ReflectionMethod::IS_PUBLIC) as $method) {
        $params = [];
        foreach ($method->getParameters() as $param) {
            $default = null;
            if ($param->isDefaultValueAvailable()) {
                $value = $param->getDefaultValue();
                $default = is_bool($value) ? ($value ? 'true' : 'false') : (is_null($value) ? 'null' : (string) $value);
            }
            $params[] = [$param->getName(), $param->isOptional(), $default];
        }
        $methods[$method->getName()] = $params;
    }
    ksort($methods);
    $properties = array_map(static fn ($p) => $p->getName(), $class->getProperties(ReflectionProperty::IS_PUBLIC));
    sort($properties);
    $out[$name] = [
        'parent' => $class->getParentClass() ? $class->getParentClass()->getName() : null,
        'abstract' => $class->isAbstract(),
        'constants' => array_map(static fn ($v) => is_scalar($v) ? (string) $v : gettype($v), $class->getConstants()),
        'methods' => $methods,
        'properties' => $properties,
    ];
}
echo json_encode($out, JSON_THROW_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
