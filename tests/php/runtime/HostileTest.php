<?php
// Our client against a stub server (tests/php/test_hostile_responses.py) that answers with
// hostile or failing responses: DOCTYPEs, oversized bodies, HTTP errors, stalls, flaky reads.

use Kaltura\Client\Client;
use Kaltura\Client\ClientException;
use Kaltura\Client\Configuration;
use Kaltura\Client\Type\MediaEntry;
use PHPUnit\Framework\TestCase;

final class HostileTest extends TestCase
{
    private function client(string $path, bool $xml = false): Client
    {
        $config = new Configuration();
        $config->setServiceUrl(getenv('KALTURA_STUB_URL') . '/' . $path);
        if ($xml) {
            $config->setFormat(Client::KALTURA_SERVICE_FORMAT_XML);
        }
        $config->setCurlTimeout(2);
        $config->setMaxResponseBytes(1024 * 1024);
        return new Client($config);
    }

    private function expectClientError(callable $call, int $code): void
    {
        try {
            $call();
            $this->fail('no exception');
        } catch (ClientException $e) {
            $this->assertSame($code, $e->getCode(), $e->getMessage());
        }
    }

    public function testXmlWithADoctypeIsRefused(): void
    {
        $client = $this->client('doctype', true);
        $this->expectClientError(fn () => $client->getMediaService()->get('x'), ClientException::ERROR_UNSERIALIZE_FAILED);
    }

    public function testAnOversizedBodyIsRefused(): void
    {
        $client = $this->client('big');
        $this->expectClientError(fn () => $client->getMediaService()->get('x'), ClientException::ERROR_RESPONSE_TOO_LARGE);
    }

    public function testAnHttpErrorStatusIsAClientException(): void
    {
        $client = $this->client('status500');
        $this->expectClientError(fn () => $client->getMediaService()->get('x'), ClientException::ERROR_HTTP_STATUS);
    }

    public function testAStalledServerTimesOut(): void
    {
        $client = $this->client('slow');
        $start = microtime(true);
        $this->expectClientError(fn () => $client->getMediaService()->get('x'), ClientException::ERROR_TIMEOUT);
        $this->assertLessThan(10, microtime(true) - $start);
    }

    public function testSafeReadsAreRetriedAfterA503(): void
    {
        $client = $this->client('flaky-read');
        $entry = $client->getMediaService()->get('x');
        $this->assertInstanceOf(MediaEntry::class, $entry);
        $this->assertSame('after retry', $entry->name);
    }

    public function testWritesAreNeverRetried(): void
    {
        $client = $this->client('flaky-write');
        $this->expectClientError(fn () => $client->getMediaService()->add(new MediaEntry()), ClientException::ERROR_HTTP_STATUS);
    }

    public function testDeeplyNestedJsonIsRefused(): void
    {
        $client = $this->client('deep');
        $this->expectClientError(fn () => $client->getMediaService()->get('x'), ClientException::ERROR_UNSERIALIZE_FAILED);
    }

    public function testTlsVerificationCannotBeTurnedOff(): void
    {
        $this->expectException(ClientException::class);
        (new Configuration())->setVerifySSL(false);
    }
}
