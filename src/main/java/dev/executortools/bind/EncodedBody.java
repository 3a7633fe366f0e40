package dev.executortools.bind;

/** An encoded request body and the Content-Type to send it with. */
record EncodedBody(byte[] bytes, String contentType) {}
