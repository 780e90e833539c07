<?php
// Part of the kaltura-codegen PHP runtime (hand-written, copied verbatim).

declare(strict_types=1);

namespace Kaltura\Client;

/**
 * An error the API server returned: `getCode()` is Kaltura's code (a string such as
 * `ENTRY_ID_NOT_FOUND`), `getArguments()` its named arguments.
 */
class ApiException extends \RuntimeException
{
    /** @var array<string, string> */
    private array $arguments = [];

    /**
     * @param iterable<int|string, mixed>|null $arguments ApiExceptionArg objects, or name => value
     */
    public function __construct(string $message, string|int $code, ?iterable $arguments = null)
    {
        parent::__construct($message);
        // PHP wants an int code; Kaltura's codes are strings (as the official client does).
        $this->code = $code;
        foreach ($arguments ?? [] as $key => $argument) {
            if ($argument instanceof ApiExceptionArg) {
                $this->arguments[(string) $argument->name] = (string) $argument->value;
            } elseif (is_scalar($argument)) {
                $this->arguments[(string) $key] = (string) $argument;
            }
        }
    }

    /**
     * @return array<string, string>
     */
    public function getArguments(): array
    {
        return $this->arguments;
    }

    public function getArgument(string $argument): ?string
    {
        return $this->arguments[$argument] ?? null;
    }
}
