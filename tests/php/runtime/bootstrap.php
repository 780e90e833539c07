<?php
// PHPUnit bootstrap: a PSR-0 loader for the client under test (KALTURA_LIBRARY: ours or the
// official php53 tree), so the very same tests run against both.

error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
$root = getenv('KALTURA_LIBRARY');
if ($root === false || !is_dir($root)) {
    fwrite(STDERR, "KALTURA_LIBRARY must name a PSR-0 library/ directory\n");
    exit(2);
}
spl_autoload_register(static function (string $class) use ($root): void {
    $path = $root . '/' . str_replace(['\\', '_'], '/', $class) . '.php';
    if (is_file($path)) {
        require $path;
    }
});
