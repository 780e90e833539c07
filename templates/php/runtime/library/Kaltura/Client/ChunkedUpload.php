<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Chunked, resumable uploads through `uploadToken.upload` (resume / finalChunk / resumeAt).
 *
 * `upload()` creates a token (or continues the given one from what the server already has)
 * and sends the file in chunks; an interrupted upload continues with the same token id.
 */
final class ChunkedUpload
{
    public function __construct(private Base $client, private int $chunkSize = 8 * 1024 * 1024)
    {
        if ($chunkSize < 1) {
            throw new ClientException('chunk size must be positive', ClientException::ERROR_GENERIC);
        }
    }

    /**
     * @return string the upload token id (pass it to e.g. `media.addContent`)
     */
    public function upload(string $path, ?string $tokenId = null): string
    {
        $size = filesize($path);
        $handle = fopen($path, 'rb');
        if ($size === false || $handle === false) {
            throw new ClientException("cannot read $path", ClientException::ERROR_READ_FAILED);
        }
        try {
            $offset = 0;
            if ($tokenId === null) {
                $token = $this->request('add', ['uploadToken' => ['objectType' => 'KalturaUploadToken', 'fileName' => basename($path), 'fileSize' => (string) $size]]);
                $tokenId = (string) ($token['id'] ?? '');
            } else {
                $token = $this->request('get', ['uploadTokenId' => $tokenId]);
                $offset = (int) ($token['uploadedFileSize'] ?? 0);
            }
            do {
                fseek($handle, $offset);
                $chunk = (string) fread($handle, $this->chunkSize);
                $final = $offset + strlen($chunk) >= $size;
                $this->request('upload', [
                    'uploadTokenId' => $tokenId,
                    'resume' => $offset > 0,
                    'finalChunk' => $final,
                    'resumeAt' => (string) $offset,
                ], ['fileData' => new \CURLStringFile($chunk, basename($path), 'application/octet-stream')]);
                $offset += strlen($chunk);
            } while (!$final);
            return $tokenId;
        } finally {
            fclose($handle);
        }
    }

    /**
     * @param array<string, mixed> $params
     * @param array<string, \CURLFile> $files
     * @return array<string, mixed>
     */
    private function request(string $action, array $params, array $files = []): array
    {
        $result = $this->client->call('uploadtoken', $action, 'o:KalturaUploadToken', $params, $files);
        if ($result instanceof ObjectBase) {
            $values = [];
            foreach ($result::PROPERTIES as $wire => $spec) {
                $values[$wire] = $result->{$spec[0]};
            }
            return $values;
        }
        throw new ClientException("uploadToken.$action returned no upload token", ClientException::ERROR_GENERIC);
    }
}
