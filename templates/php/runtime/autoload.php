<?php
// The bundled class loader (Composer is not needed): PSR-0 for the Kaltura namespace, the
// layout of Kaltura's official php53 package, rooted at library/ beside this file.

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    if (strncmp($class, 'Kaltura\\', 8) !== 0) {
        return;
    }
    $namespace = '';
    $name = $class;
    $cut = strrpos($class, '\\');
    if ($cut !== false) {
        $namespace = substr($class, 0, $cut + 1);
        $name = substr($class, $cut + 1);
    }
    $path = __DIR__ . '/library/' . str_replace('\\', '/', $namespace) . str_replace('_', '/', $name) . '.php';
    if (is_file($path)) {
        require $path;
    }
});
