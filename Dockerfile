# The flireo CLI as an image; its default command is the mock server:
#   docker run -p 8080:8080 flireo-testkit:local            the fake Flireo API on port 8080
#   docker run flireo-testkit:local replay ...              the webhook simulator, or any other flireo command
# Build the jar first (./mvnw -B -DskipTests -pl cli -am package), then: docker build -t flireo-testkit:local .
# Without registry access, docker/build-local.sh makes a local base image and passes it as BASE_IMAGE.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="flireo-testkit" \
      org.opencontainers.image.description="Mock server, webhook simulator and contract checks for the Flireo AI voice-agent platform"

# A fixed numeric id, so that runAsNonRoot policies can check it without reading /etc/passwd. /work/state belongs
# to it too: a named volume mounted there starts with that owner, so `mock --state-file /work/state/...` can write.
RUN groupadd --system --gid 10001 flireo \
    && useradd --system --uid 10001 --gid flireo --no-log-init --home-dir /work --shell /usr/sbin/nologin flireo \
    && mkdir -p /work/state && chown -R flireo:flireo /work

COPY cli/target/flireo.jar /opt/flireo/flireo.jar

# Class-data sharing for the mock: one training start at build time records the classes it loads (WireMock's,
# Jetty's, Jackson's, the toolkit's) in an archive that later starts map instead of loading again; it about halves
# the time to a healthy mock (docker/README.md). A JVM that cannot use the archive warns and starts without it.
SHELL ["/bin/bash", "-c"]
RUN java -XX:ArchiveClassesAtExit=/opt/flireo/flireo.jsa -XX:TieredStopAtLevel=1 -Xmn64m -XX:MaxTenuringThreshold=0 \
        -jar /opt/flireo/flireo.jar mock --port 8099 >/tmp/training.log 2>&1 & pid=$!; \
    probe() { exec 3<>/dev/tcp/127.0.0.1/8099 && printf 'GET %s HTTP/1.0\r\nAuthorization: Bearer training\r\n\r\n' "$1" >&3 && read -r status <&3 && [[ $status == *' 200'* ]]; }; \
    for _ in $(seq 300); do (probe /__flireo/health) 2>/dev/null && break; sleep 0.1; done; \
    (probe /api/v1/assistants) 2>/dev/null; \
    kill "$pid"; wait "$pid"; \
    if [[ ! -s /opt/flireo/flireo.jsa ]]; then cat /tmp/training.log; echo "no class-data archive was written" >&2; exit 1; fi; \
    rm -r /tmp/training.log /tmp/hsperfdata_root

USER 10001:10001
WORKDIR /work
# Inside a container the mock must listen on every interface, not on loopback as `./flireo mock` does.
ENV FLIREO_HOST=0.0.0.0 FLIREO_PORT=8080
EXPOSE 8080

# bash's /dev/tcp speaks enough HTTP for a probe: no curl or wget to add to the base, and no second JVM started
# every few seconds (which a `flireo` subcommand would cost). Both base images have bash.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${FLIREO_PORT:-8080} && printf 'GET /__flireo/health HTTP/1.0\\r\\n\\r\\n' >&3 && read -r -t 2 status <&3 && [[ $status == HTTP/1.?' 200'* ]]"]

# C1 only and a 64 MB young generation whose survivors go straight to the old one, as `./flireo mock` runs it:
# C2's compiler threads compete with the requests on a small CI machine, and the mock keeps what it is sent, so
# short young collections keep pauses short (the serial collector's full collections paused for half a second
# once the stored state grew).
# The heap is capped at FLIREO_HEAP (default 1g; `docker run -e FLIREO_HEAP=2g ...`): without a cap the JVM takes a
# quarter of the host's memory when the container has no memory limit.
# JAVA_TOOL_OPTIONS adds flags; the ones given here win over it. bash only expands FLIREO_HEAP and execs java, so
# java is PID 1 and receives docker stop's SIGTERM itself: the mock then stops gracefully within
# FLIREO_SHUTDOWN_TIMEOUT (5 s), before the 10 s after which Docker sends SIGKILL.
ENV FLIREO_HEAP=1g
ENTRYPOINT ["bash", "-c", "exec java -Xmx\"$FLIREO_HEAP\" -XX:SharedArchiveFile=/opt/flireo/flireo.jsa -XX:TieredStopAtLevel=1 -Xmn64m -XX:MaxTenuringThreshold=0 -jar /opt/flireo/flireo.jar \"$@\"", "flireo"]
CMD ["mock"]
