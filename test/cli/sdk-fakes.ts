import { DirectConnectServiceException } from "@aws-sdk/client-direct-connect";

// What the mocked AWS SDK answers in the CLI's tests, in the SDK's own shapes.

/** What the SDK's send resolves to besides the data: never in a command's output. */
export const METADATA = {
  $metadata: { httpStatusCode: 200, requestId: "req-1", attempts: 1, totalRetryDelay: 0 },
};

/** A throttling error of Direct Connect, as the SDK throws it (`name` is the error code). */
export function throttle(name: string): Error {
  return new DirectConnectServiceException({
    name,
    $fault: "client",
    $metadata: { httpStatusCode: 400 },
    message: "Rate exceeded",
  });
}
