#!/usr/bin/env bash
# Netlify build command for ClinicBake (see netlify.toml):  bash src/main/sh/netlify-build.sh
#
# Netlify's build image ships only Java 8 and has no setting for another Java version
# (JAVA_VERSION is not honoured for Java), so this script finds its own JDK 17+:
#   1. $JAVA_HOME/bin/java, if JAVA_HOME is set and that java is 17 or newer;
#   2. else `java` on PATH, if it is 17 or newer;
#   3. else a Temurin 17 JDK in the cache folder ${NETLIFY_CACHE_DIR:-$HOME/.cache}/clinicbake-jdk
#      (Netlify keeps NETLIFY_CACHE_DIR between builds), downloaded there first if it is not there
#      yet. The archive's URL and SHA-256 are pinned below; a download whose checksum does not
#      match is deleted and the build fails.
# Then it builds ClinicBake with the Maven wrapper and bakes site/ into site/output (the publish
# folder), with JAVA_HOME exported so the wrapper and the launcher use that JDK. It reports what it
# did on stderr and exits non-zero on any failure.
#
# Environment, mostly for tests:
#   CLINICBAKE_JDK_URL       archive to download instead of the pinned one (linux x64 tar.gz)
#   CLINICBAKE_JDK_SHA256    its SHA-256 (must be set together with CLINICBAKE_JDK_URL)
#   CLINICBAKE_BUILD_COMMAND bash command run instead of the build and bake, from the checkout root
set -euo pipefail

# Pinned JDK: Temurin 17.0.13+11, Linux x64, tar.gz, from Adoptium's GitHub releases.
# When bumping, take the SHA-256 from the release's published OpenJDK17U-jdk_x64_linux_hotspot_*.tar.gz.sha256.txt
# (next to the archive on github.com/adoptium/temurin17-binaries, or the "checksum" field of
# api.adoptium.net/v3/assets/...), never from a hash of what you downloaded. Mind jdk against jre:
# the JRE archive of the same release has a different checksum. If the checksum does not match,
# the build fails closed: nothing is extracted and nothing is published.
readonly PINNED_JDK_URL='https://github.com/adoptium/temurin17-binaries/releases/download/jdk-17.0.13%2B11/OpenJDK17U-jdk_x64_linux_hotspot_17.0.13_11.tar.gz'
readonly PINNED_JDK_SHA256='8682892fc02965930b9022c066fa164dd6f458ef4a5dc262016aa28333b30f49'
readonly MIN_JAVA=17

log() { printf 'netlify-build: %s\n' "$*" >&2; }
die() { printf 'netlify-build: ERROR: %s\n' "$*" >&2; exit 1; }

# parse_java_major TEXT: the feature version in the output of `java -version`, e.g.
# "1.8.0_402" -> 8, "17.0.15" -> 17, "25" -> 25, "21-ea" -> 21. Lines before the version line
# (such as "Picked up JAVA_TOOL_OPTIONS: ...") are skipped. Fails when there is no version.
parse_java_major() {
  local version
  version="$(printf '%s\n' "$1" | sed -n '/version "/{s/^.*version "\([^"]*\)".*$/\1/p;q;}')"
  case "$version" in
    1.*) version="${version#1.}" ;;
  esac
  version="${version%%[!0-9]*}"
  [[ "$version" =~ ^[0-9]+$ ]] || return 1
  printf '%s\n' "$((10#$version))"
}

# java_major JAVA: the feature version of that java executable; fails if it does not run.
java_major() {
  local out
  [ -x "$1" ] || return 1
  out="$("$1" -version 2>&1)" || return 1
  parse_java_major "$out"
}

# java_home_of JAVA: the java.home of that java executable (follows launcher symlinks such as
# /usr/bin/java -> /etc/alternatives/java -> .../bin/java).
java_home_of() {
  local home
  home="$("$1" -XshowSettings:properties -version 2>&1 \
          | sed -n '/^ *java\.home = /{s/^ *java\.home = //p;q;}')" || true
  if [ -z "$home" ] || [ ! -x "$home/bin/java" ]; then
    home="$(dirname "$(dirname "$(readlink -f "$1")")")"
  fi
  printf '%s\n' "$home"
}

# find_cached_jdk DIR: "<major> <java home>" of the JDK extracted in DIR (DIR/<top-level>/bin/java)
# if it is 17 or newer; fails otherwise.
find_cached_jdk() {
  local java major
  for java in "$1"/*/bin/java; do
    [ -x "$java" ] || continue
    major="$(java_major "$java")" || continue
    if [ "$major" -ge "$MIN_JAVA" ]; then
      printf '%s %s\n' "$major" "$(dirname "$(dirname "$java")")"
      return 0
    fi
  done
  return 1
}

work_dir=""
cleanup() {
  if [ -n "$work_dir" ]; then rm -rf "$work_dir"; fi
}

# download_jdk URL SHA256 DEST: downloads URL, checks it against SHA256, extracts it into DEST
# (which must not exist yet; it appears only once the JDK in it is complete and runs).
download_jdk() {
  local url="$1" sha256="$2" dest="$3" archive actual
  work_dir="$(mktemp -d "$(dirname "$dest")/.download.XXXXXX")"
  trap cleanup EXIT
  archive="$work_dir/jdk.tar.gz"

  log "downloading JDK from $url"
  if command -v curl >/dev/null 2>&1; then
    curl --fail --location --retry 3 --silent --show-error --connect-timeout 30 \
         --output "$archive" "$url" || die "could not download the JDK from $url"
  elif command -v wget >/dev/null 2>&1; then
    wget --quiet --tries=3 --timeout=60 --output-document="$archive" "$url" \
      || die "could not download the JDK from $url"
  else
    die "neither curl nor wget is installed: cannot download a JDK"
  fi

  if ! printf '%s  %s\n' "$sha256" "$archive" | sha256sum --check --status --strict -; then
    actual="$(sha256sum "$archive" | cut -d' ' -f1)"
    rm -f "$archive"
    die "SHA-256 checksum mismatch for the JDK downloaded from $url: expected $sha256, got $actual." \
        "The download was deleted and nothing was extracted. If the pinned JDK was bumped, take the" \
        "checksum from Adoptium's published .sha256.txt for that exact archive."
  fi
  log "SHA-256 verified: $sha256"

  mkdir "$work_dir/jdk"
  tar -xzf "$archive" -C "$work_dir/jdk" --no-same-owner || die "could not extract $archive"
  rm -f "$archive"
  find_cached_jdk "$work_dir/jdk" >/dev/null \
    || die "the archive from $url holds no runnable JDK $MIN_JAVA+ (expected <folder>/bin/java)"
  rm -rf "$dest"
  mv "$work_dir/jdk" "$dest"
  rm -rf "$work_dir"
  work_dir=""
}

main() {
  local root java_home="" major="" origin="" java cache_root key url sha256 found

  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"

  # 1. JAVA_HOME, if it is a JDK 17+.
  if [ -n "${JAVA_HOME:-}" ]; then
    if major="$(java_major "$JAVA_HOME/bin/java")" && [ "$major" -ge "$MIN_JAVA" ]; then
      java_home="$JAVA_HOME"
      origin="JAVA_HOME"
    else
      log "ignoring JAVA_HOME=$JAVA_HOME: not a Java $MIN_JAVA+ (found: ${major:-no runnable java})"
    fi
  fi

  # 2. java on PATH, if it is 17+.
  if [ -z "$java_home" ] && java="$(command -v java)"; then
    if major="$(java_major "$java")" && [ "$major" -ge "$MIN_JAVA" ]; then
      java_home="$(java_home_of "$java")"
      origin="PATH ($java)"
    else
      log "ignoring $java on PATH: not a Java $MIN_JAVA+ (found: ${major:-no runnable java})"
    fi
  fi

  # 3. The cached Temurin JDK, downloaded first if need be. It is kept in a folder named after the
  #    archive's checksum, so bumping the pin downloads the new JDK once and removes the old one.
  if [ -z "$java_home" ]; then
    url="${CLINICBAKE_JDK_URL:-$PINNED_JDK_URL}"
    sha256="${CLINICBAKE_JDK_SHA256:-$PINNED_JDK_SHA256}"
    if [ -n "${CLINICBAKE_JDK_URL:-}" ] && [ -z "${CLINICBAKE_JDK_SHA256:-}" ]; then
      die "CLINICBAKE_JDK_URL is set without CLINICBAKE_JDK_SHA256: the download cannot be verified"
    fi
    sha256="$(printf '%s' "$sha256" | tr '[:upper:]' '[:lower:]')"
    [[ "$sha256" =~ ^[0-9a-f]{64}$ ]] || die "not a SHA-256 checksum: '$sha256'"
    if [ -z "${CLINICBAKE_JDK_URL:-}" ] && [ "$(uname -s)/$(uname -m)" != "Linux/x86_64" ]; then
      die "the pinned JDK is for Linux x86_64, this is $(uname -s)/$(uname -m):" \
          "install a JDK $MIN_JAVA+ or set CLINICBAKE_JDK_URL and CLINICBAKE_JDK_SHA256"
    fi

    cache_root="${NETLIFY_CACHE_DIR:-${HOME:?neither NETLIFY_CACHE_DIR nor HOME is set}/.cache}/clinicbake-jdk"
    key="$cache_root/$sha256"
    mkdir -p "$cache_root"
    if found="$(find_cached_jdk "$key")"; then
      read -r major java_home <<<"$found"
      origin="cache (reused, not downloaded)"
      log "reusing the cached JDK in $key"
    else
      rm -rf "$cache_root"/.download.*
      download_jdk "$url" "$sha256" "$key"
      found="$(find_cached_jdk "$key")" || die "the JDK extracted into $key does not run"
      read -r major java_home <<<"$found"
      origin="download (verified, cached in $cache_root)"
      # Older pins' JDKs are no longer used.
      find "$cache_root" -mindepth 1 -maxdepth 1 -type d -regextype posix-extended \
           -regex '.*/[0-9a-f]{64}' ! -path "$key" -exec rm -rf {} +
    fi
  fi

  export JAVA_HOME="$java_home"
  export PATH="$JAVA_HOME/bin:$PATH"
  log "using Java $major at $JAVA_HOME, from $origin"

  cd "$root"
  if [ -n "${CLINICBAKE_BUILD_COMMAND:-}" ]; then
    log "running CLINICBAKE_BUILD_COMMAND instead of the build: $CLINICBAKE_BUILD_COMMAND"
    bash -c "$CLINICBAKE_BUILD_COMMAND" || die "CLINICBAKE_BUILD_COMMAND failed"
  else
    log "building: ./mvnw -B -q -DskipTests package"
    ./mvnw -B -q -DskipTests package || die "the Maven build failed"
    log "baking: src/main/sh/clinicbake bake site"
    # Netlify builds from a fresh checkout, so the launcher's class-data-sharing archive would be
    # written (with hundreds of warnings) and never reused: skip it unless asked for.
    CLINICBAKE_CDS="${CLINICBAKE_CDS:-off}" bash src/main/sh/clinicbake bake site || die "the bake failed"
    [ -f site/output/index.html ] || die "the bake wrote no site/output/index.html: nothing to publish"
    log "baked site/output"
  fi
}

# Run only when executed, so that tests can source the functions above.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
