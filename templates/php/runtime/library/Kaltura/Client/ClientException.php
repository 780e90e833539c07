<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * A failure of the client itself: connection, HTTP status, unreadable response, misuse.
 */
class ClientException extends \RuntimeException
{
    public const ERROR_GENERIC = -1;
    public const ERROR_UNSERIALIZE_FAILED = -2;
    public const ERROR_FORMAT_NOT_SUPPORTED = -3;
    public const ERROR_UPLOAD_NOT_SUPPORTED = -4;
    public const ERROR_CONNECTION_FAILED = -5;
    public const ERROR_READ_FAILED = -6;
    public const ERROR_INVALID_PARTNER_ID = -7;
    public const ERROR_INVALID_OBJECT_TYPE = -8;
    public const ERROR_INVALID_OBJECT_FIELD = -9;
    public const ERROR_DOWNLOAD_NOT_SUPPORTED = -10;
    public const ERROR_DOWNLOAD_IN_MULTIREQUEST = -11;
    public const ERROR_ACTION_IN_MULTIREQUEST = -12;
    public const ERROR_INVALID_ENUM_VALUE = -13;
    public const ERROR_HTTP_STATUS = -14;
    public const ERROR_RESPONSE_TOO_LARGE = -15;
    public const ERROR_TIMEOUT = -16;
    public const ERROR_CURL_MUST_BE_ENABLED = -20;
}
