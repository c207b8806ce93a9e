# shellcheck shell=bash
# The fixture images: built once on engine local, pushed to the registries, pulled by the others.

fixture_hash() {
  {
    echo "wharf-fixtures-v1"
    sha256sum </bin/busybox
    (cd "$FIXTURES/images" && find . -type f | LC_ALL=C sort | while read -r f; do
      echo "$f"
      cat "$f"
    done)
  } | sha256sum | cut -c1-16
}

engine_has_images() {
  local sock ref out
  sock=$(engine_sock "$1")
  for ref in "${IMAGES[@]}"; do
    out=$(curl -sf --max-time 5 --unix-socket "$sock" "http://localhost/$API/images/${ref%%=*}/json" 2>/dev/null) || return 1
    [[ "$out" == *"\"wharf.fixture\":\"$FIX_HASH\""* ]] || return 1
  done
}

dk() {
  local name=$1
  shift
  "$DOCKER" -H "$(engine_url "$name")" "$@"
}

build_base_images() {
  local b="$D/build" root applet
  log "building local/busybox:1.35, local/ticker:1, local/idle:1 on engine local"
  rm -rf "$b"
  root="$b/rootfs"
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root"
  chmod 1777 "$root/tmp"
  chmod 700 "$root/root"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar -C "$root" --owner=0 --group=0 --numeric-owner -c . |
    dk local import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' -c "LABEL wharf.fixture=$FIX_HASH" - local/busybox:1.35 >/dev/null
  DOCKER_BUILDKIT=0 dk local build -q --force-rm --label "wharf.fixture=$FIX_HASH" -t local/ticker:1 "$FIXTURES/images/ticker" >/dev/null 2>"$b/build.log" ||
    { cat "$b/build.log" >&2; die "building local/ticker:1 failed"; }
  DOCKER_BUILDKIT=0 dk local build -q --force-rm --label "wharf.fixture=$FIX_HASH" -t local/idle:1 "$FIXTURES/images/idle" >/dev/null 2>"$b/build.log" ||
    { cat "$b/build.log" >&2; die "building local/idle:1 failed"; }
  dk local image prune -f >/dev/null 2>&1 || true
  rm -rf "$b"
}

# registry_has_images plain|auth
registry_has_images() {
  local kind=$1 dir port ref repo auth=()
  dir=$(registry_dir "$kind")
  port=$(registry_port "$kind")
  [ "$(cat "$dir/seeded" 2>/dev/null || true)" = "$FIX_HASH" ] || return 1
  [ "$kind" != auth ] || auth=(-u "$REGISTRY_USER:$REGISTRY_PASSWORD")
  for ref in "${IMAGES[@]}"; do
    repo=${ref#*=}
    curl -sf -o /dev/null --max-time 5 "${auth[@]}" \
      -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
      "http://127.0.0.1:$port/v2/${repo%:*}/manifests/${repo##*:}" || return 1
  done
}

push_images() {
  local kind=$1 port ref target cfg rc=0
  port=$(registry_port "$kind")
  log "pushing images to localhost:$port"
  # A throw-away client config, so no credentials land in ~/.docker.
  cfg=$(mktemp -d "$D/.docker-config.XXXXXX")
  if [ "$kind" = auth ]; then
    printf '%s' "$REGISTRY_PASSWORD" | DOCKER_CONFIG=$cfg dk local login -u "$REGISTRY_USER" --password-stdin "localhost:$port" >/dev/null 2>&1 ||
      { log "docker login to localhost:$port failed"; rm -rf "$cfg"; return 1; }
  fi
  for ref in "${IMAGES[@]}"; do
    target="localhost:$port/${ref#*=}"
    dk local tag "${ref%%=*}" "$target"
    DOCKER_CONFIG=$cfg dk local push -q "$target" >/dev/null 2>"$cfg/push.log" || {
      cat "$cfg/push.log" >&2
      rc=1
    }
    dk local rmi "$target" >/dev/null
    [ "$rc" = 0 ] || break
  done
  rm -rf "$cfg"
  [ "$rc" = 0 ] || { log "push to localhost:$port failed"; return 1; }
  printf '%s\n' "$FIX_HASH" >"$(registry_dir "$kind")/seeded"
}

pull_images() {
  local name=$1 ref src
  log "loading images into engine $name from localhost:$REGISTRY_PORT"
  for ref in "${IMAGES[@]}"; do
    src="localhost:$REGISTRY_PORT/${ref#*=}"
    dk "$name" pull -q "$src" >/dev/null
    dk "$name" tag "$src" "${ref%%=*}"
    dk "$name" rmi "$src" >/dev/null
  done
  dk "$name" image prune -f >/dev/null 2>&1 || true
}

seed_images() {
  local name
  FIX_HASH=$(fixture_hash)
  engine_has_images local || build_base_images
  registry_has_images plain || push_images plain || die "could not seed the registry on localhost:$REGISTRY_PORT"
  if [ "$AUTH_REGISTRY_OK" = 1 ]; then
    registry_has_images auth || push_images auth || log "warning: could not seed the auth registry on localhost:$REGISTRY_AUTH_PORT"
  fi
  for name in edge secure; do
    engine_has_images "$name" || pull_images "$name"
  done
}
