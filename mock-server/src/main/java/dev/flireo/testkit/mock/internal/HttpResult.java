package dev.flireo.testkit.mock.internal;

import com.github.tomakehurst.wiremock.http.Fault;
import java.util.Map;

/** A finished answer for the HTTP layer: status, headers, body bytes, and an optional injected delay or fault. */
public record HttpResult(int status, Map<String, String> headers, byte[] body, long delayMillis, Fault fault) {}
