#!/usr/bin/env bash
# Builds the image flireo-testkit:local on a Debian machine that reaches no image registry.
#
# `docker build .` needs a JRE base image; elsewhere that is eclipse-temurin:17-jre, pulled from a registry. Here
# no registry answers, so this script makes the base from packages the machine can install: a minimal Debian
# root file system (debootstrap --variant=minbase, the host's own release) with a jlink'ed Java 17 runtime made
# from the host's JDK, imported with `docker import`. The base is cached under a tag that names its recipe, so only
# the first run pays for it (about a minute); later runs rebuild the jar when the sources changed, then the image.
#
# Usage: docker/build-local.sh            (env: FLIREO_IMAGE, FLIREO_REBUILD_BASE=1, DEBIAN_MIRROR)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="${FLIREO_IMAGE:-flireo-testkit:local}"
jar="$root/cli/target/flireo.jar"
# Java SE as a whole (not a jdeps-computed list): a module a library needs only on a rare code path would
# otherwise fail at run time, and the whole of it is about 50 MB after stripping.
modules="java.se,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.httpserver,jdk.management,jdk.localedata"

log() { printf 'build-local: %s\n' "$*" >&2; }
die() { printf 'build-local: error: %s\n' "$*" >&2; exit 1; }

apt_install() {
  [[ $EUID -eq 0 ]] || die "'$1' is missing and installing it needs root: apt-get install $*"
  log "installing $* with apt-get"
  if [[ -z "${APT_UPDATED:-}" ]]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

require_engine() {
  command -v docker >/dev/null 2>&1 || die "no docker command; install a Docker engine (Debian: apt-get install docker.io)"
  docker info >/dev/null 2>&1 || die "no Docker engine answers; start one (as root: dockerd &) or run .ci/run, which does"
}

# The host's Debian release: the jlink'ed runtime links against the host's glibc and libstdc++, so the root file
# system must be the same release.
debian_suite() {
  [[ -r /etc/os-release ]] || die "cannot read /etc/os-release; this script needs a Debian host"
  local id codename
  # shellcheck source=/dev/null
  id="$(. /etc/os-release && echo "${ID:-}")"
  # shellcheck source=/dev/null
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  [[ "$id" == debian && -n "$codename" ]] || die "this script needs a Debian host (found '$id'); \
elsewhere run 'docker build -t flireo-testkit:local .' with the default base image"
  echo "$codename"
}

# The mirror apt already uses on this machine, so the script names no host of its own.
debian_mirror() {
  if [[ -n "${DEBIAN_MIRROR:-}" ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | awk '/^URIs:/ {u=$2} /^Suites:/ && u && $0 ~ /[[:space:]]'"$1"'([[:space:]]|$)/ {print u; exit}')"
  if [[ -z "$uri" ]]; then
    uri="$(grep -hsE '^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[a-z]+://[^[:space:]]+[[:space:]]+'"$1"'[[:space:]]' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list | head -1 | sed -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//' \
      | awk '{print $1}')"
  fi
  [[ -n "$uri" ]] || die "found no apt source for '$1' in /etc/apt; set DEBIAN_MIRROR to a Debian mirror URL"
  echo "$uri"
}

# A JDK 17 with jlink and its jmods: the runtime must be Java 17, the release the toolkit is built for.
find_jdk() {
  local candidate
  for candidate in ${FLIREO_JDK:-} /usr/lib/jvm/java-17-openjdk-*; do
    if [[ -x "$candidate/bin/jlink" && -f "$candidate/jmods/java.base.jmod" ]]; then echo "$candidate"; return; fi
  done
  return 1
}

build_base() {
  local tag="$1" suite="$2" mirror="$3" jdk="$4" work
  work="$(mktemp -d "${TMPDIR:-/var/tmp}/flireo-base.XXXXXX")"
  # shellcheck disable=SC2064 # expand $work now: it is local to this function
  trap "remove_tree '$work'" EXIT
  log "debootstrap $suite (minbase) from $mirror"
  debootstrap --variant=minbase "$suite" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
  log "trimming package caches, indexes, manuals and translations"
  (cd "$work/rootfs" && rm -rf var/cache/apt/* var/lib/apt/lists/* var/log/* usr/share/man/* usr/share/info/* \
    usr/share/locale/* usr/share/zoneinfo && find usr/share/doc -type f ! -name copyright -delete)
  log "jlink a Java runtime from $jdk"
  "$jdk/bin/jlink" --add-modules "$modules" --include-locales en --strip-debug --no-man-pages --no-header-files \
    --compress=2 --generate-cds-archive --output "$work/rootfs/opt/java/openjdk" >/dev/null
  log "docker import as $tag"
  # The same JAVA_HOME and PATH as the eclipse-temurin images, so the Dockerfile works on either base.
  tar -C "$work/rootfs" -c . | docker import \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["bash"]' \
    --message "minimal Debian $suite with a jlink'ed Java 17 runtime, for flireo-testkit" - "$tag" >/dev/null
  trap - EXIT
  remove_tree "$work"
}

# debootstrap mounts /proc and /sys inside the target; unmount whatever it left before deleting the tree.
remove_tree() {
  local mounts
  mounts="$(awk -v dir="$1/" 'index($2, dir) == 1 {print $2}' /proc/mounts | sort -r)"
  [[ -z "$mounts" ]] || xargs -r -n1 umount -l <<<"$mounts"
  rm -rf --one-file-system "$1"
}

# Runs a command with its output kept back, shown only when it fails.
quietly() {
  local what="$1" out
  shift
  out="$(mktemp)"
  if ! "$@" >"$out" 2>&1; then cat "$out" >&2; rm -f "$out"; die "$what (output above)"; fi
  rm -f "$out"
}

# Older bases of this script are replaced by the current one; one still used by an image stays (rmi refuses).
prune_bases() {
  docker image ls --format '{{.Repository}}:{{.Tag}}' flireo-testkit-base | grep -vxF "$1" \
    | xargs -r docker rmi >/dev/null 2>&1 || true
}

# The launcher's own staleness rule: rebuild the jar when it is missing or older than a pom or a main source.
jar_stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$root" \( -name target -o -name .git -o -name node_modules \) -prune -o \
    \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit)" ]]
}

main() {
  require_engine
  local suite mirror jdk key base
  suite="$(debian_suite)"
  if ! jdk="$(find_jdk)"; then apt_install openjdk-17-jdk-headless; jdk="$(find_jdk)" || die "no JDK 17 with jmods found"; fi
  # The tag names the recipe: a change to this script's base recipe, the JDK build or the suite gives a new base.
  key="$( { declare -f build_base; echo "$modules $suite"; cat "$jdk/release"; } | sha256sum | cut -c1-12)"
  base="flireo-testkit-base:$suite-java17-$key"
  if [[ -z "${FLIREO_REBUILD_BASE:-}" ]] && docker image inspect "$base" >/dev/null 2>&1; then
    log "base image $base is cached"
  else
    command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
    [[ $EUID -eq 0 ]] || die "debootstrap needs root to build the base image"
    mirror="$(debian_mirror "$suite")"
    local started=$SECONDS
    build_base "$base" "$suite" "$mirror" "$jdk"
    log "built base image $base in $((SECONDS - started)) s"
    prune_bases "$base"
  fi

  if jar_stale; then
    log "building the CLI jar: ./mvnw -B -q -DskipTests -pl cli -am package"
    quietly "the Maven build failed" "$root/mvnw" -B -q -f "$root/pom.xml" -DskipTests -pl cli -am package
  fi

  log "docker build -t $image (BASE_IMAGE=$base)"
  # The legacy builder: Debian's docker.io ships no buildx, and the Dockerfile needs nothing BuildKit adds.
  DOCKER_BUILDKIT=0 quietly "docker build failed" docker build --build-arg "BASE_IMAGE=$base" -t "$image" "$root"
  # The image this build replaced is left untagged; remove it (and any other untagged one of ours).
  docker image prune -f --filter label=org.opencontainers.image.title=flireo-testkit >/dev/null
  log "built $image ($(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1000000}'))"
}

main "$@"
