<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * One queued call: service, action, flattened parameters, files and how to read the result.
 */
final class ServiceActionCall
{
    /**
     * @param array<string, mixed> $params
     * @param array<string, string|\CURLFile> $files
     */
    public function __construct(
        public string $service,
        public string $action,
        public array $params = [],
        public array $files = [],
        public string $resultSpec = '',
    ) {
    }

    /**
     * @return array<int|string, array<string, mixed>>
     */
    public function getParamsForMultiRequest(int $multiRequestIndex): array
    {
        return [$multiRequestIndex => ['service' => $this->service, 'action' => $this->action] + $this->params];
    }

    /**
     * @return array<string, string|\CURLFile>
     */
    public function getFilesForMultiRequest(int $multiRequestIndex): array
    {
        $files = [];
        foreach ($this->files as $key => $file) {
            $files["$multiRequestIndex:$key"] = $file;
        }
        return $files;
    }
}
