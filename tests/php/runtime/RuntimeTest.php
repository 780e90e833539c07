<?php
// The client against `kaltura-codegen serve` on 127.0.0.1: session, media and category CRUD,
// upload, multi-request, errors. Run for our client (JSON and XML) and for the official php53
// client (XML, its only format), as a check of `serve` itself.

use Kaltura\Client\ApiException;
use Kaltura\Client\Client;
use Kaltura\Client\ClientException;
use Kaltura\Client\Configuration;
use Kaltura\Client\Enum\MediaType;
use Kaltura\Client\Enum\SessionType;
use Kaltura\Client\ILogger;
use Kaltura\Client\Type\Category;
use Kaltura\Client\Type\CategoryFilter;
use Kaltura\Client\Type\FilterPager;
use Kaltura\Client\Type\MediaEntry;
use Kaltura\Client\Type\MediaEntryFilter;
use Kaltura\Client\Type\UploadedFileTokenResource;
use Kaltura\Client\Type\UploadToken;
use PHPUnit\Framework\TestCase;

final class RecordingLogger implements ILogger
{
    /** @var list<string> */
    public array $lines = [];

    public function log($msg)
    {
        $this->lines[] = (string) $msg;
    }
}

final class RuntimeTest extends TestCase
{
    private static function env(string $name): string
    {
        $value = getenv($name);
        if ($value === false) {
            throw new RuntimeException("$name is not set");
        }
        return $value;
    }

    private static function ours(): bool
    {
        return class_exists(\Kaltura\Client\ChunkedUpload::class);
    }

    private function config(): Configuration
    {
        $config = new Configuration();
        $config->setServiceUrl(self::env('KALTURA_URL'));
        if (self::env('KALTURA_FORMAT') === 'xml') {
            $config->setFormat(Client::KALTURA_SERVICE_FORMAT_XML);
        }
        return $config;
    }

    private function client(?Configuration $config = null): Client
    {
        $client = new Client($config ?? $this->config());
        $ks = $client->getSessionService()->start(
            self::env('KALTURA_ADMIN_SECRET'), 'tester', SessionType::ADMIN, (int) self::env('KALTURA_PARTNER')
        );
        $client->setKs($ks);
        return $client;
    }

    private function entry(string $name): MediaEntry
    {
        $entry = new MediaEntry();
        $entry->name = $name;
        $entry->mediaType = MediaType::VIDEO;
        $entry->tags = 'php,runtime';
        return $entry;
    }

    public function testSessionStartGivesAWorkingKs(): void
    {
        $client = $this->client();
        $this->assertNotEmpty($client->getKs());
        $info = $client->getSessionService()->get();
        $this->assertSame((int) self::env('KALTURA_PARTNER'), (int) $info->partnerId);
        $this->assertSame('tester', $info->userId);
    }

    public function testGeneratedSessionsV1AndV2AreAccepted(): void
    {
        $client = new Client($this->config());
        $partner = (int) self::env('KALTURA_PARTNER');
        foreach ([
            $client->generateSession(self::env('KALTURA_ADMIN_SECRET'), 'v1user', SessionType::ADMIN, $partner, 3600, ''),
            $client->generateSessionV2(self::env('KALTURA_ADMIN_SECRET'), 'v2user', SessionType::ADMIN, $partner, 3600, ''),
        ] as $i => $ks) {
            $client->setKs($ks);
            $info = $client->getSessionService()->get();
            $this->assertSame($i === 0 ? 'v1user' : 'v2user', $info->userId);
        }
    }

    public function testAnInvalidKsIsAnApiException(): void
    {
        $client = new Client($this->config());
        $client->setKs($client->generateSessionV2('wrong-secret', 'x', SessionType::ADMIN, (int) self::env('KALTURA_PARTNER'), 3600, ''));
        try {
            $client->getMediaService()->listAction();
            $this->fail('no exception');
        } catch (ApiException $e) {
            $this->assertSame('INVALID_KS', $e->getCode());
        }
    }

    public function testMediaCrud(): void
    {
        $media = $this->client()->getMediaService();
        $added = $media->add($this->entry('crud one'));
        $this->assertInstanceOf(MediaEntry::class, $added);
        $this->assertNotEmpty($added->id);
        $this->assertSame('crud one', $added->name);
        $this->assertSame(MediaType::VIDEO, (int) $added->mediaType);
        $this->assertGreaterThan(0, $added->createdAt);

        $got = $media->get($added->id);
        $this->assertSame($added->id, $got->id);
        $this->assertSame('php,runtime', $got->tags);

        $change = new MediaEntry();
        $change->name = 'crud renamed';
        $updated = $media->update($added->id, $change);
        $this->assertSame('crud renamed', $updated->name);
        $this->assertSame('php,runtime', $updated->tags);

        $filter = new MediaEntryFilter();
        $filter->idEqual = $added->id;
        $pager = new FilterPager();
        $pager->pageSize = 10;
        $list = $media->listAction($filter, $pager);
        $this->assertSame(1, (int) $list->totalCount);
        $this->assertSame('crud renamed', $list->objects[0]->name);
        $this->assertSame(1, (int) $media->count($filter));

        $media->delete($added->id);
        try {
            $media->get($added->id);
            $this->fail('deleted entry still found');
        } catch (ApiException $e) {
            $this->assertSame('ENTRY_ID_NOT_FOUND', $e->getCode());
            $this->assertSame($added->id, $e->getArgument('ENTRY_ID'));
        }
    }

    public function testCategoryCrudAndTree(): void
    {
        if (!method_exists(Client::class, 'getCategoryService')) {
            $this->markTestSkipped('the schema has no category service');
        }
        $categories = $this->client()->getCategoryService();
        $parent = new Category();
        $parent->name = 'parent-' . uniqid();
        $parent = $categories->add($parent);
        $child = new Category();
        $child->name = 'child';
        $child->parentId = $parent->id;
        $child = $categories->add($child);
        $this->assertSame($parent->name . '>child', $child->fullName);

        $change = new Category();
        $change->description = 'described';
        $this->assertSame('described', $categories->update($child->id, $change)->description);

        $filter = new CategoryFilter();
        $filter->parentIdEqual = $parent->id;
        $list = $categories->listAction($filter);
        $this->assertSame(1, (int) $list->totalCount);
        $this->assertSame($child->id, $list->objects[0]->id);

        $categories->delete($child->id);
        $this->assertSame(0, (int) $categories->listAction($filter)->totalCount);
    }

    public function testUploadThroughAnUploadToken(): void
    {
        $client = $this->client();
        $path = tempnam(sys_get_temp_dir(), 'kup');
        file_put_contents($path, str_repeat("clip\0", 1000));
        try {
            $token = new UploadToken();
            $token->fileName = 'clip.bin';
            $token = $client->getUploadTokenService()->add($token);
            $token = $client->getUploadTokenService()->upload($token->id, $path);
            $this->assertEquals(5000, $token->uploadedFileSize);

            $entry = $client->getMediaService()->add($this->entry('uploaded'));
            $resource = new UploadedFileTokenResource();
            $resource->token = $token->id;
            $entry = $client->getMediaService()->addContent($entry->id, $resource);
            $this->assertSame('uploaded', $entry->name);
        } finally {
            unlink($path);
        }
    }

    public function testAnActionWithSeveralFiles(): void
    {
        $client = $this->client();
        $xsd = tempnam(sys_get_temp_dir(), 'xsd');
        $views = tempnam(sys_get_temp_dir(), 'views');
        file_put_contents($xsd, '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"/>');
        file_put_contents($views, '<views/>');
        try {
            $profile = new \Kaltura\Client\Plugin\Metadata\Type\MetadataProfile();
            $profile->name = 'two files';
            $profile->metadataObjectType = 1;
            $service = \Kaltura\Client\Plugin\Metadata\MetadataPlugin::get($client)->getMetadataProfileService();
            $added = $service->addFromFile($profile, $xsd, $views);
            $this->assertInstanceOf(\Kaltura\Client\Plugin\Metadata\Type\MetadataProfile::class, $added);
        } finally {
            unlink($xsd);
            unlink($views);
        }
    }

    public function testChunkedUploadResumes(): void
    {
        if (!self::ours()) {
            $this->markTestSkipped('the official client has no chunked upload');
        }
        $client = $this->client();
        $path = tempnam(sys_get_temp_dir(), 'kup');
        $data = random_bytes(70000);
        file_put_contents($path, $data);
        try {
            // the first 30000 bytes went up before an interruption: resume from the token
            $token = new UploadToken();
            $token->fileName = 'big.bin';
            $token->fileSize = (float) strlen($data);
            $token = $client->getUploadTokenService()->add($token);
            $first = tempnam(sys_get_temp_dir(), 'kup');
            file_put_contents($first, substr($data, 0, 30000));
            $client->getUploadTokenService()->upload($token->id, $first, false, false);
            unlink($first);

            $id = (new \Kaltura\Client\ChunkedUpload($client, 25000))->upload($path, $token->id);
            $this->assertSame($token->id, $id);
            $done = $client->getUploadTokenService()->get($id);
            $this->assertEquals(strlen($data), $done->uploadedFileSize);
        } finally {
            unlink($path);
        }
    }

    public function testMultiRequestWithDependentCalls(): void
    {
        $client = $this->client();
        $client->startMultiRequest();
        $added = $client->getMediaService()->add($this->entry('multi'));
        $client->getMediaService()->get($added->id);
        $client->getMediaService()->get('no-such-entry');
        $results = $client->doMultiRequest();
        $this->assertCount(3, $results);
        $this->assertInstanceOf(MediaEntry::class, $results[0]);
        $this->assertSame($results[0]->id, $results[1]->id);
        $this->assertSame('multi', $results[1]->name);
        $this->assertInstanceOf(ApiException::class, $results[2]);
        $this->assertSame('ENTRY_ID_NOT_FOUND', $results[2]->getCode());
        $this->assertFalse($client->isMultiRequest());
    }

    public function testServerErrorsCarryCodeAndArguments(): void
    {
        $client = $this->client();
        try {
            $client->getMediaService()->get('missing-id');
            $this->fail('no exception');
        } catch (ApiException $e) {
            $this->assertSame('ENTRY_ID_NOT_FOUND', $e->getCode());
            $this->assertStringContainsString('missing-id', $e->getMessage());
            $this->assertSame(['ENTRY_ID' => 'missing-id'], $e->getArguments());
        }
    }

    public function testHttpFailureIsAClientException(): void
    {
        $config = $this->config();
        $config->setServiceUrl(self::env('KALTURA_URL') . '/not-the-api');
        $client = new Client($config);
        $this->expectException(ClientException::class);
        $client->getSessionService()->start(self::env('KALTURA_ADMIN_SECRET'), 'x', SessionType::ADMIN, (int) self::env('KALTURA_PARTNER'));
    }

    public function testLogsNeverHoldTheKsOrTheSecret(): void
    {
        if (!self::ours()) {
            $this->markTestSkipped('the official client logs the KS and the secret');
        }
        $logger = new RecordingLogger();
        $config = $this->config();
        $config->setLogger($logger);
        $client = $this->client($config);
        $client->getMediaService()->listAction();
        $text = implode("\n", $logger->lines);
        $this->assertStringContainsString('media', $text);
        $this->assertStringNotContainsString($client->getKs(), $text);
        $this->assertStringNotContainsString(self::env('KALTURA_ADMIN_SECRET'), $text);
    }

    public function testUnknownObjectTypeFallsBackToTheDeclaredClass(): void
    {
        if (!self::ours()) {
            $this->markTestSkipped('the official client throws for an unknown objectType');
        }
        $json = '{"objectType":"KalturaFutureMediaEntry","id":"0_x","name":"n","mediaType":1}';
        $entry = \Kaltura\Client\ParseUtils::fromJson(json_decode($json, true), 'o:KalturaMediaEntry');
        $this->assertInstanceOf(MediaEntry::class, $entry);
        $this->assertSame('n', $entry->name);
        $xml = new SimpleXMLElement('<result><objectType>KalturaFutureMediaEntry</objectType><name>n</name></result>');
        $this->assertInstanceOf(MediaEntry::class, \Kaltura\Client\ParseUtils::fromXml($xml, 'o:KalturaMediaEntry'));
    }
}
