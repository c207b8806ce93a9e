# shellcheck shell=bash
# The Debian packages the test engines need, and the docker CLI.

docker_cli() {
  command -v docker 2>/dev/null || die "no docker CLI in PATH"
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 && command -v docker >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  # The image needs a *static* busybox: the dynamic one from `busybox` is useless in a bare rootfs.
  if [ "$(dpkg-query -W -f='${db:Status-Status}' busybox-static 2>/dev/null || true)" != installed ]; then
    missing+=(busybox-static)
  fi
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  # The Podman host (its Docker-compatible API); brings conmon, runc, netavark and the containers config.
  command -v podman >/dev/null 2>&1 || missing+=(podman)
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "$(id -u)" = 0 ] || die "missing packages (${missing[*]}) and not root"
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get"
  log "installing: ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >&2
}
