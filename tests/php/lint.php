<?php
// Compiles every PHP file of a generated package in ONE process (what `php -l` does per file,
// without a process per file), then loads every class through the bundled autoloader.
// A compile error is fatal: the last `compile` line on stdout names the file.
//
// php -d opcache.enable_cli=1 lint.php PACKAGE_DIR [compile|load|both]

declare(strict_types=1);

[$_, $root] = $argv;
$mode = $argv[2] ?? 'both';
$files = [];
$iterator = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root, FilesystemIterator::SKIP_DOTS));
foreach ($iterator as $file) {
    if ($file->isFile() && str_ends_with($file->getFilename(), '.php')) {
        $files[] = $file->getPathname();
    }
}
sort($files);

/** The class a file declares (PSR-0 turns `_` in a class name into `/`: not reversible). */
function declaredClass(string $path): string
{
    $namespace = '';
    $tokens = token_get_all(file_get_contents($path));
    foreach ($tokens as $i => $token) {
        if (!is_array($token)) {
            continue;
        }
        if ($token[0] === T_NAMESPACE) {
            $namespace = $tokens[$i + 2][1] . '\\';
        } elseif ($token[0] === T_CLASS || $token[0] === T_INTERFACE) {
            return $namespace . $tokens[$i + 2][1];
        }
    }
    return '';
}
if ($mode !== 'load') {
    if (!function_exists('opcache_compile_file') || !ini_get('opcache.enable_cli')) {
        fwrite(STDERR, "opcache with opcache.enable_cli=1 is needed\n");
        exit(3);
    }
    foreach ($files as $path) {
        echo "compile $path\n";
        if (!opcache_compile_file($path)) {
            echo "FAILED $path\n";
            exit(1);
        }
    }
}
$loaded = 0;
if ($mode !== 'compile') {
    require $root . '/autoload.php';
    $library = $root . '/library/';
    foreach ($files as $path) {
        if (!str_starts_with($path, $library)) {
            continue;
        }
        $class = declaredClass($path);
        echo "load $class\n";
        if (!class_exists($class) && !interface_exists($class)) {
            echo "MISSING $class\n";
            exit(1);
        }
        $loaded++;
    }
}
echo 'OK ', count($files), ' files, ', $loaded, " classes\n";
