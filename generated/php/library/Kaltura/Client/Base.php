<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Requests, multi-requests, response parsing and sessions; the generated `Client` adds one
 * accessor per service and the configuration setters.
 *
 * The request body is what the official php53 client sends (the same parameters, flattened
 * the same way: objects with `objectType` first, `name__null` for NullValue, `name:0` keys for
 * array parameters, `{'-': ''}` for empty arrays, scalars as strings, booleans as booleans).
 */
class Base
{
    public const RANDOM_SIZE = 16;
    public const FIELD_EXPIRY = '_e';
    public const FIELD_TYPE = '_t';
    public const FIELD_USER = '_u';
    public const KALTURA_SERVICE_FORMAT_JSON = 1;
    public const KALTURA_SERVICE_FORMAT_XML = 2;
    public const KALTURA_SERVICE_FORMAT_PHP = 3;

    /** Keys whose values never reach a log line. */
    private const SECRET_KEYS = ['ks' => true, 'secret' => true, 'adminSecret' => true, 'password' => true,
        'newPassword' => true, 'oldPassword' => true, 'sessionId' => true, 'privileges' => true];
    /** Actions that only read: retried after a transient failure. */
    private const SAFE_READ = '/^(get|list|count|search|serve|export)/';

    protected Configuration $config;
    /** @var array<string, mixed> */
    protected array $clientConfiguration = [];
    /** @var array<string, mixed> */
    protected array $requestConfiguration = [];
    /** @var array<string, bool> */
    private array $volatile = [];
    /** @var list<ServiceActionCall> */
    private array $callsQueue = [];
    /** @var list<string>|null the result specs of a multi-request being built */
    private ?array $multiRequestReturnType = null;
    /** @var list<string> */
    private array $responseHeaders = [];
    /** @var array<string, ServiceBase> */
    private array $services = [];

    public function __construct(Configuration $config)
    {
        $this->config = $config;
    }

    public function getConfig(): Configuration
    {
        return $this->config;
    }

    public function setConfig(Configuration $config): void
    {
        $this->config = $config;
    }

    /**
     * @param class-string<ServiceBase> $class
     */
    protected function service(string $key, string $class): ServiceBase
    {
        /** @var Client $this */
        return $this->services[$key] ??= new $class($this);
    }

    protected function setConfigurationValue(string $group, string $key, mixed $value, bool $volatile = false): void
    {
        if ($group === 'clientConfiguration') {
            $this->clientConfiguration[$key] = $value;
        } else {
            $this->requestConfiguration[$key] = $value;
            if ($volatile) {
                $this->volatile[$key] = true;
            }
        }
        if ($value === null) {
            unset($this->clientConfiguration[$key], $this->requestConfiguration[$key]);
        }
    }

    protected function getConfigurationValue(string $group, string $key): mixed
    {
        return $group === 'clientConfiguration'
            ? ($this->clientConfiguration[$key] ?? null)
            : ($this->requestConfiguration[$key] ?? null);
    }

    /**
     * @return list<string>
     */
    public function getResponseHeaders(): array
    {
        return $this->responseHeaders;
    }

    // ---------------------------------------------------------------- parameters

    /**
     * Adds one parameter the way the official client flattens it.
     *
     * @param array<int|string, mixed> $params
     */
    public function addParam(array &$params, string|int $paramName, mixed $paramValue): void
    {
        if ($paramValue === null) {
            return;
        }
        if ($paramValue instanceof NullValue) {
            $params[$paramName . '__null'] = '';
            return;
        }
        if ($paramValue instanceof ObjectBase) {
            $params[$paramName] = ['objectType' => $paramValue->getKalturaObjectType()];
            foreach ($paramValue::PROPERTIES as $wire => $spec) {
                $this->addParam($params[$paramName], $wire, $paramValue->{$spec[0]});
            }
            return;
        }
        if ($paramValue instanceof \CURLFile || $paramValue instanceof \CURLStringFile) {
            $params[$paramName] = $paramValue;
            return;
        }
        if (is_bool($paramValue)) {
            $params[$paramName] = $paramValue;
            return;
        }
        if (!is_array($paramValue)) {
            $params[$paramName] = is_float($paramValue) ? self::floatText($paramValue) : (string) $paramValue;
            return;
        }
        $params[$paramName] = [];
        if ($paramValue) {
            foreach ($paramValue as $subName => $subValue) {
                $this->addParam($params[$paramName], $subName, $subValue);
            }
        } else {
            $params[$paramName]['-'] = '';
        }
    }

    /**
     * An array (or map) parameter: one `name:key` entry per item, as the official client.
     *
     * @param array<int|string, mixed> $params
     * @param array<int|string, mixed>|null $items
     */
    public function addArrayParam(array &$params, string $paramName, ?array $items): void
    {
        if ($items === null) {
            return;
        }
        foreach ($items as $index => $item) {
            $this->addParam($params, "$paramName:$index", $item);
        }
    }

    private static function floatText(float $value): string
    {
        // PHP's (string) cast: what the official client sends.
        return (string) $value;
    }

    // ---------------------------------------------------------------- calls

    /**
     * @param array<string, mixed> $params
     * @param array<string, mixed> $files
     */
    public function queueServiceActionCall(string $service, string $action, ?string $returnType, array $params = [], array $files = []): void
    {
        foreach ($this->requestConfiguration as $name => $value) {
            $this->addParam($params, $name, $value);
        }
        if ($this->multiRequestReturnType !== null) {
            $this->multiRequestReturnType[] = $returnType ?? '';
        }
        $this->callsQueue[] = new ServiceActionCall($service, $action, $params, $files, $returnType ?? '');
    }

    /**
     * Queues the call; outside a multi-request sends it and returns the parsed result.
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $files
     */
    public function call(string $service, string $action, string $resultSpec, array $params, array $files = []): mixed
    {
        $this->queueServiceActionCall($service, $action, $resultSpec, $params, $files);
        if ($this->isMultiRequest()) {
            return $this->getMultiRequestResult();
        }
        $body = $this->doQueue();
        return $this->parseResult((string) $body, $resultSpec);
    }

    /**
     * The URL of a serve action (downloads are left to the caller).
     *
     * @param array<string, mixed> $params
     */
    public function serveUrl(string $service, string $action, array $params): string
    {
        $this->refuseInMultiRequest();
        $this->queueServiceActionCall($service, $action, null, $params);
        return (string) $this->getServeUrl();
    }

    public function refuseInMultiRequest(): void
    {
        if ($this->isMultiRequest()) {
            throw new ClientException('Action is not supported as part of multi-request.', ClientException::ERROR_ACTION_IN_MULTIREQUEST);
        }
    }

    public function getServeUrl(): ?string
    {
        if (count($this->callsQueue) !== 1) {
            return null;
        }
        $params = [];
        $this->addParam($params, 'format', $this->config->getFormat());
        foreach ($this->clientConfiguration as $name => $value) {
            $this->addParam($params, $name, $value);
        }
        $call = $this->callsQueue[0];
        $this->resetRequest();
        $params = array_merge($params, $call->params);
        $params['kalsig'] = $this->signature($params);
        return rtrim($this->config->getServiceUrl(), '/') . "/api_v3/service/{$call->service}/action/{$call->action}?" . http_build_query($params);
    }

    /**
     * The request body of the queued call(s), as sent (for tools and tests).
     *
     * @return array{0: string, 1: array<string, mixed>, 2: array<string, mixed>} URL, params, files
     */
    public function buildRequest(): array
    {
        $params = [];
        $files = [];
        $this->addParam($params, 'format', $this->config->getFormat());
        $this->addParam($params, 'ignoreNull', true);
        foreach ($this->clientConfiguration as $name => $value) {
            $this->addParam($params, $name, $value);
        }
        $url = rtrim($this->config->getServiceUrl(), '/') . '/api_v3/service';
        if ($this->multiRequestReturnType !== null) {
            $url .= '/multirequest';
            foreach ($this->callsQueue as $i => $call) {
                $params = array_merge($params, $call->getParamsForMultiRequest($i));
                $files = array_merge($files, $call->getFilesForMultiRequest($i));
            }
        } else {
            $call = $this->callsQueue[0];
            $url .= "/{$call->service}/action/{$call->action}";
            $params = array_merge($params, $call->params);
            $files = $call->files;
        }
        $params['kalsig'] = $this->signature($params);
        return [$url, $params, $files];
    }

    /**
     * Sends the queued call(s) and returns the raw response body (null when nothing is queued).
     */
    public function doQueue(): ?string
    {
        if (count($this->callsQueue) === 0) {
            $this->resetRequest();
            return null;
        }
        $safe = $this->multiRequestReturnType === null && count($this->callsQueue[0]->files) === 0
            && preg_match(self::SAFE_READ, $this->callsQueue[0]->action) === 1;
        [$url, $params, $files] = $this->buildRequest();
        $this->resetRequest();
        $start = microtime(true);
        $attempt = 0;
        while (true) {
            try {
                $body = $this->doHttpRequest($url, $params, $files);
                break;
            } catch (ClientException $e) {
                if (!$safe || $attempt >= $this->config->getMaxRetries() || !$this->isTransient($e)) {
                    throw $e;
                }
                $attempt++;
                $this->log("retry $attempt of $url: " . $e->getMessage());
                usleep(100000 * $attempt);
            }
        }
        $this->log(sprintf('execution time for [%s]: [%.3f]', $url, microtime(true) - $start));
        return $body;
    }

    private function isTransient(ClientException $e): bool
    {
        return $e->getCode() === ClientException::ERROR_CONNECTION_FAILED
            || ($e->getCode() === ClientException::ERROR_HTTP_STATUS && in_array($e->getPrevious()?->getCode(), [502, 503, 504], true));
    }

    protected function resetRequest(): void
    {
        $this->multiRequestReturnType = null;
        $this->callsQueue = [];
        foreach ($this->volatile as $key => $_) {
            unset($this->requestConfiguration[$key]);
        }
    }

    public function startMultiRequest(): void
    {
        $this->multiRequestReturnType = [];
    }

    public function isMultiRequest(): bool
    {
        return $this->multiRequestReturnType !== null;
    }

    public function getMultiRequestQueueSize(): int
    {
        return count($this->callsQueue);
    }

    public function getMultiRequestResult(): MultiRequestSubResult
    {
        return new MultiRequestSubResult($this->getMultiRequestQueueSize() . ':result');
    }

    /**
     * Sends the multi-request: one entry per call, an ApiException object for a call that failed.
     *
     * @return array<int, mixed>|null
     */
    public function doMultiRequest(): ?array
    {
        $specs = $this->multiRequestReturnType ?? [];
        $body = $this->doQueue();
        if ($body === null) {
            return null;
        }
        $results = [];
        if ($this->config->getFormat() === self::KALTURA_SERVICE_FORMAT_JSON) {
            $data = $this->decodeJson($body);
            if (!is_array($data) || !array_is_list($data)) {
                $this->throwIfJsonError($data);
                throw new ClientException('multi-request response is not a list', ClientException::ERROR_FORMAT_NOT_SUPPORTED);
            }
            foreach ($data as $i => $item) {
                $error = $this->jsonError($item);
                $results[] = $error ?? ParseUtils::fromJson($item, $specs[$i] ?? '');
            }
            return $results;
        }
        $xml = $this->decodeXml($body);
        $this->throwIfXmlError($xml->result);
        $i = 0;
        foreach ($xml->result->children() as $item) {
            $error = $this->xmlError($item);
            $results[] = $error ?? ParseUtils::fromXml($item, $specs[$i] ?? '');
            $i++;
        }
        return $results;
    }

    // ---------------------------------------------------------------- responses

    public function parseResult(string $body, string $spec): mixed
    {
        if ($this->config->getFormat() === self::KALTURA_SERVICE_FORMAT_JSON) {
            $data = $this->decodeJson($body);
            $this->throwIfJsonError($data);
            return ParseUtils::fromJson($data, $spec);
        }
        $xml = $this->decodeXml($body);
        $this->throwIfXmlError($xml->result);
        if ($spec !== '' && $spec[0] !== 'o' && $spec[0] !== 'a' && $spec[0] !== 'm' && $xml->result->count() === 0 && (string) $xml->result === '' && !isset($xml->result)) {
            return null;
        }
        return $spec === '' ? null : ParseUtils::fromXml($xml->result, $spec);
    }

    private function decodeJson(string $body): mixed
    {
        try {
            $data = json_decode($body, true, 128, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new ClientException('unreadable JSON response: ' . $e->getMessage(), ClientException::ERROR_UNSERIALIZE_FAILED);
        }
        // OTT servers wrap every JSON response: {"executionTime": .., "result": ..}
        if (is_array($data) && count($data) === 2 && array_key_exists('result', $data) && array_key_exists('executionTime', $data)) {
            $data = $data['result'];
        }
        return $data;
    }

    private function jsonError(mixed $data): ?ApiException
    {
        // OTT: {"error": {...}} in place of the result
        if (is_array($data) && count($data) === 1 && isset($data['error']) && is_array($data['error'])) {
            $data = $data['error'];
        }
        if (is_array($data) && ($data['objectType'] ?? null) === 'KalturaAPIException') {
            $args = $data['args'] ?? [];
            return new ApiException((string) ($data['message'] ?? ''), (string) ($data['code'] ?? ''), is_array($args) ? $args : []);
        }
        return null;
    }

    private function throwIfJsonError(mixed $data): void
    {
        $error = $this->jsonError($data);
        if ($error !== null) {
            throw $error;
        }
    }

    private function decodeXml(string $body): \SimpleXMLElement
    {
        if (!function_exists('simplexml_load_string')) {
            throw new ClientException('XML responses need ext-simplexml', ClientException::ERROR_FORMAT_NOT_SUPPORTED);
        }
        // No DTD at all: entities could expand without bound or read local files.
        if (stripos($body, '<!DOCTYPE') !== false || stripos($body, '<!ENTITY') !== false) {
            throw new ClientException('XML response with a DOCTYPE refused', ClientException::ERROR_UNSERIALIZE_FAILED);
        }
        $previous = libxml_use_internal_errors(true);
        try {
            $xml = simplexml_load_string($body, \SimpleXMLElement::class, LIBXML_NONET | LIBXML_COMPACT);
        } finally {
            libxml_clear_errors();
            libxml_use_internal_errors($previous);
        }
        if ($xml === false || !isset($xml->result)) {
            throw new ClientException('unreadable XML response', ClientException::ERROR_UNSERIALIZE_FAILED);
        }
        return $xml;
    }

    private function xmlError(\SimpleXMLElement $xml): ?ApiException
    {
        if (isset($xml->error) && $xml->count() === 1) {
            $args = [];
            foreach ($xml->error->args->children() as $arg) {
                $args[(string) $arg->name] = (string) $arg->value;
            }
            return new ApiException((string) $xml->error->message, (string) $xml->error->code, $args);
        }
        return null;
    }

    private function throwIfXmlError(\SimpleXMLElement $xml): void
    {
        $error = $this->xmlError($xml);
        if ($error !== null) {
            throw $error;
        }
    }

    /** The official client's name. */
    public function checkIfError(\SimpleXMLElement $xml, bool $throwException = true): ?ApiException
    {
        $error = $this->xmlError($xml);
        if ($error !== null && $throwException) {
            throw $error;
        }
        return $error;
    }

    // ---------------------------------------------------------------- HTTP

    /**
     * @param array<string, mixed> $params
     * @param array<string, mixed> $files
     */
    protected function doHttpRequest(string $url, array $params, array $files): string
    {
        if (!function_exists('curl_init')) {
            throw new ClientException('Curl extension must be enabled', ClientException::ERROR_CURL_MUST_BE_ENABLED);
        }
        $json = $this->jsonEncode($params);
        $this->log("curl: $url");
        $this->log('post: ' . $this->jsonEncode($this->redact($params)));
        $headers = $this->config->getRequestHeaders();
        $headers[] = $this->config->getFormat() === self::KALTURA_SERVICE_FORMAT_XML ? 'Accept: application/xml' : 'Accept: application/json';
        $ch = curl_init();
        curl_setopt($ch, CURLOPT_URL, $url);
        curl_setopt($ch, CURLOPT_POST, true);
        if (count($files) > 0) {
            $fields = ['json' => $json];
            foreach ($files as $key => $file) {
                $fields[$key] = ($file instanceof \CURLFile || $file instanceof \CURLStringFile) ? $file : new \CURLFile((string) $file);
            }
            curl_setopt($ch, CURLOPT_POSTFIELDS, $fields);
            curl_setopt($ch, CURLOPT_TIMEOUT, $this->config->getUploadTimeout());
        } else {
            $headers[] = 'Content-Type: application/json';
            curl_setopt($ch, CURLOPT_POSTFIELDS, $json);
            curl_setopt($ch, CURLOPT_TIMEOUT, $this->config->getCurlTimeout());
        }
        curl_setopt($ch, CURLOPT_CONNECTTIMEOUT, $this->config->getConnectTimeout());
        curl_setopt($ch, CURLOPT_ENCODING, '');
        curl_setopt($ch, CURLOPT_USERAGENT, $this->config->getUserAgent());
        curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
        curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
        curl_setopt($ch, CURLOPT_FOLLOWLOCATION, false);
        curl_setopt($ch, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
        curl_setopt($ch, CURLOPT_HTTPHEADER, $headers);
        if ($this->config->getProxyHost() !== null) {
            curl_setopt($ch, CURLOPT_PROXY, $this->config->getProxyHost());
            if ($this->config->getProxyPort() !== null) {
                curl_setopt($ch, CURLOPT_PROXYPORT, $this->config->getProxyPort());
            }
            if ($this->config->getProxyUser() !== null) {
                curl_setopt($ch, CURLOPT_PROXYUSERPWD, $this->config->getProxyUser() . ':' . $this->config->getProxyPassword());
            }
            if ($this->config->getProxyType() === 'SOCKS5') {
                curl_setopt($ch, CURLOPT_PROXYTYPE, CURLPROXY_SOCKS5);
            }
        }
        $this->responseHeaders = [];
        curl_setopt($ch, CURLOPT_HEADERFUNCTION, function ($handle, string $line): int {
            $this->responseHeaders[] = $line;
            return strlen($line);
        });
        $body = '';
        $limit = $this->config->getMaxResponseBytes();
        $tooLarge = false;
        curl_setopt($ch, CURLOPT_WRITEFUNCTION, static function ($handle, string $chunk) use (&$body, $limit, &$tooLarge): int {
            if (strlen($body) + strlen($chunk) > $limit) {
                $tooLarge = true;
                return 0; // aborts the transfer
            }
            $body .= $chunk;
            return strlen($chunk);
        });
        $ok = curl_exec($ch);
        $status = (int) curl_getinfo($ch, CURLINFO_HTTP_CODE);
        $errno = curl_errno($ch);
        $error = curl_error($ch);
        curl_close($ch);
        if ($tooLarge) {
            throw new ClientException("response larger than $limit bytes", ClientException::ERROR_RESPONSE_TOO_LARGE);
        }
        if ($ok === false || $errno !== 0) {
            $code = $errno === CURLE_OPERATION_TIMEDOUT ? ClientException::ERROR_TIMEOUT : ClientException::ERROR_CONNECTION_FAILED;
            throw new ClientException("HTTP request failed: $error", $code);
        }
        if ($status !== 200) {
            throw new ClientException("HTTP status $status", ClientException::ERROR_HTTP_STATUS, new \RuntimeException('', $status));
        }
        // The body itself is not logged: results such as session.start's are a KS.
        $this->log(sprintf('result: HTTP %d, %d bytes', $status, strlen($body)));
        return $body;
    }

    /**
     * @param array<int|string, mixed> $params
     * @return array<int|string, mixed>
     */
    private function redact(array $params): array
    {
        foreach ($params as $key => $value) {
            if (is_array($value)) {
                $params[$key] = $this->redact($value);
            } elseif (is_string($key) && isset(self::SECRET_KEYS[$key])) {
                $params[$key] = '***';
            }
        }
        return $params;
    }

    public function jsonEncode(mixed $value): string
    {
        return json_encode($value, JSON_THROW_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE);
    }

    /**
     * @param array<int|string, mixed> $params
     */
    private function signature(array $params): string
    {
        $this->ksortRecursive($params);
        return md5($this->jsonEncode($params));
    }

    /**
     * @param array<int|string, mixed> $array
     */
    private function ksortRecursive(array &$array): void
    {
        ksort($array);
        foreach ($array as &$item) {
            if (is_array($item)) {
                $this->ksortRecursive($item);
            }
        }
    }

    protected function log(string $msg): void
    {
        $logger = $this->config->getLogger();
        if ($logger !== null) {
            $logger->log($msg);
        }
    }

    // ---------------------------------------------------------------- sessions

    /**
     * A KS v1: `base64(sha1(secret . info) . '|' . info)`, info = `partnerId;partnerId;expiry;type;rand;userId;privileges`.
     */
    public function generateSession(string $adminSecretForSigning, string $userId, int $type, int $partnerId, int $expiry = 86400, string $privileges = ''): string
    {
        $rand = random_int(0, 32000);
        $info = implode(';', [$partnerId, $partnerId, time() + $expiry, $type, $rand, $userId, $privileges]);
        return base64_encode(sha1($adminSecretForSigning . $info) . '|' . $info);
    }

    /**
     * A KS v2: the fields, salted with 16 random bytes and signed with SHA-1, AES-128-CBC
     * encrypted with `sha1(secret)[:16]` (zero IV, zero padding), URL-safe base64.
     */
    public static function generateSessionV2(string $adminSecretForSigning, string $userId, int $type, int $partnerId, int $expiry, string $privileges): string
    {
        $fields = [];
        foreach (explode(',', $privileges) as $privilege) {
            $privilege = trim($privilege);
            if ($privilege === '') {
                continue;
            }
            if ($privilege === '*') {
                $privilege = 'all:*';
            }
            $parts = explode(':', $privilege, 2);
            $fields[$parts[0]] = $parts[1] ?? '';
        }
        $fields[self::FIELD_EXPIRY] = time() + $expiry;
        $fields[self::FIELD_TYPE] = $type;
        $fields[self::FIELD_USER] = $userId;
        $text = random_bytes(self::RANDOM_SIZE) . http_build_query($fields, '', '&');
        $text = sha1($text, true) . $text;
        if (strlen($text) % 16 !== 0) {
            $text .= str_repeat("\0", 16 - strlen($text) % 16);
        }
        $key = substr(sha1($adminSecretForSigning, true), 0, 16);
        $encrypted = openssl_encrypt($text, 'AES-128-CBC', $key, OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING, str_repeat("\0", 16));
        if ($encrypted === false) {
            throw new ClientException('KS encryption failed (ext-openssl)', ClientException::ERROR_GENERIC);
        }
        return str_replace(['+', '/'], ['-', '_'], base64_encode("v2|{$partnerId}|" . $encrypted));
    }

    public static function getKalturaNullValue(): NullValue
    {
        return NullValue::getInstance();
    }

    public function __get(string $prop): ?ServiceBase
    {
        $getter = 'get' . ucfirst($prop) . 'Service';
        return method_exists($this, $getter) ? $this->$getter() : null;
    }

    public function getClientException(string $error, int $errorCode): ClientException
    {
        return new ClientException($error, $errorCode);
    }

    /**
     * @param iterable<int|string, mixed>|null $arguments
     */
    public function getAPIException(string $message, string|int $code, ?iterable $arguments): ApiException
    {
        return new ApiException($message, $code, $arguments);
    }
}
