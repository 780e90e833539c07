<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * Connection settings (the official client's, plus limits). TLS is always verified.
 */
class Configuration
{
    private string $serviceUrl = 'http://www.kaltura.com/';
    private int $format = Base::KALTURA_SERVICE_FORMAT_JSON;
    private int $curlTimeout = 120;
    private int $connectTimeout = 10;
    private int $uploadTimeout = 3600;
    private string $userAgent = '';
    private bool $startZendDebuggerSession = false;
    private ?string $proxyHost = null;
    private ?int $proxyPort = null;
    private string $proxyType = 'HTTP';
    private ?string $proxyUser = null;
    private string $proxyPassword = '';
    /** @var list<string> */
    private array $requestHeaders = [];
    private ?ILogger $logger = null;
    private int $maxResponseBytes = 64 * 1024 * 1024;
    private int $maxRetries = 2;

    public function __construct(?int $partnerId = null)
    {
        // The official php53 constructor took no partner id; older clients passed one.
    }

    public function getServiceUrl(): string
    {
        return $this->serviceUrl;
    }

    public function setServiceUrl(string $serviceUrl): void
    {
        $this->serviceUrl = $serviceUrl;
    }

    public function getFormat(): int
    {
        return $this->format;
    }

    public function setFormat(int $format): void
    {
        if ($format !== Base::KALTURA_SERVICE_FORMAT_JSON && $format !== Base::KALTURA_SERVICE_FORMAT_XML) {
            throw new ClientException("unsupported format: $format", ClientException::ERROR_FORMAT_NOT_SUPPORTED);
        }
        $this->format = $format;
    }

    public function getCurlTimeout(): int
    {
        return $this->curlTimeout;
    }

    public function setCurlTimeout(int $curlTimeout): void
    {
        $this->curlTimeout = $curlTimeout;
    }

    public function getConnectTimeout(): int
    {
        return $this->connectTimeout;
    }

    public function setConnectTimeout(int $seconds): void
    {
        $this->connectTimeout = $seconds;
    }

    public function getUploadTimeout(): int
    {
        return $this->uploadTimeout;
    }

    public function setUploadTimeout(int $seconds): void
    {
        $this->uploadTimeout = $seconds;
    }

    public function getUserAgent(): string
    {
        return $this->userAgent;
    }

    public function setUserAgent(string $userAgent): void
    {
        $this->userAgent = $userAgent;
    }

    public function getStartZendDebuggerSession(): bool
    {
        return $this->startZendDebuggerSession;
    }

    public function setStartZendDebuggerSession(bool $startZendDebuggerSession): void
    {
        $this->startZendDebuggerSession = $startZendDebuggerSession;
    }

    public function getProxyHost(): ?string
    {
        return $this->proxyHost;
    }

    public function setProxyHost(?string $proxyHost): void
    {
        $this->proxyHost = $proxyHost;
    }

    public function getProxyPort(): ?int
    {
        return $this->proxyPort;
    }

    public function setProxyPort(?int $proxyPort): void
    {
        $this->proxyPort = $proxyPort;
    }

    public function getProxyType(): string
    {
        return $this->proxyType;
    }

    public function setProxyType(string $proxyType): void
    {
        $this->proxyType = $proxyType;
    }

    public function getProxyUser(): ?string
    {
        return $this->proxyUser;
    }

    public function setProxyUser(?string $proxyUser): void
    {
        $this->proxyUser = $proxyUser;
    }

    public function getProxyPassword(): string
    {
        return $this->proxyPassword;
    }

    public function setProxyPassword(string $proxyPassword): void
    {
        $this->proxyPassword = $proxyPassword;
    }

    public function getVerifySSL(): bool
    {
        return true;
    }

    /**
     * TLS verification cannot be turned off (a man in the middle would read the KS).
     */
    public function setVerifySSL(bool $verifySSL): void
    {
        if (!$verifySSL) {
            throw new ClientException('TLS verification cannot be disabled', ClientException::ERROR_GENERIC);
        }
    }

    /**
     * @return list<string>
     */
    public function getRequestHeaders(): array
    {
        return $this->requestHeaders;
    }

    /**
     * @param list<string> $requestHeaders
     */
    public function setRequestHeaders(array $requestHeaders): void
    {
        $this->requestHeaders = $requestHeaders;
    }

    public function setLogger(ILogger $log): void
    {
        $this->logger = $log;
    }

    public function getLogger(): ?ILogger
    {
        return $this->logger;
    }

    public function getMaxResponseBytes(): int
    {
        return $this->maxResponseBytes;
    }

    public function setMaxResponseBytes(int $bytes): void
    {
        $this->maxResponseBytes = $bytes;
    }

    public function getMaxRetries(): int
    {
        return $this->maxRetries;
    }

    /**
     * How often a safe read (get, list, count...) is retried after a connection failure or
     * an HTTP 502/503/504; writes are never retried.
     */
    public function setMaxRetries(int $retries): void
    {
        $this->maxRetries = $retries;
    }
}
