# shellcheck shell=bash
# What start leaves for tests and shells: hosts.json, hosts-ssh.json, hosts-podman.json,
# hosts-all.json and the env lines.

json_str() {
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

hosts_json() {
  printf '[{"id":"local","name":"Local","url":%s}' "$(json_str "$(engine_url local)")"
  printf ',{"id":"edge","name":"Edge","url":%s}' "$(json_str "tcp://127.0.0.1:$EDGE_PORT")"
  printf ',{"id":"secure","name":"Secure (TLS)","url":%s,"tls":{"ca":%s,"cert":%s,"key":%s}}' \
    "$(json_str "https://127.0.0.1:$SECURE_PORT")" "$(json_str "$D/tls/ca.pem")" \
    "$(json_str "$D/tls/cert.pem")" "$(json_str "$D/tls/key.pem")"
  if [ "${1:-}" = ssh ]; then
    printf ',{"id":"sshhost","name":"SSH","url":%s,"ssh":{"privateKey":%s}}' \
      "$(json_str "ssh://root@127.0.0.1:$SSH_PORT")" "$(json_str "$(ssh_key)")"
  fi
  if [ "${1:-}" = all ]; then
    printf ',{"id":"podman","name":"Podman","url":%s}' "$(json_str "$(podman_url)")"
  fi
  printf ']\n'
}

# A file of its own, so that tests reading hosts.json never meet the Podman host.
hosts_podman_json() {
  printf '[{"id":"podman","name":"Podman","url":%s}]\n' "$(json_str "$(podman_url)")"
}

write_outputs() {
  hosts_json >"$D/hosts.json.tmp" && mv -f "$D/hosts.json.tmp" "$D/hosts.json"
  if [ "$SSH_OK" = 1 ]; then
    hosts_json ssh >"$D/hosts-ssh.json.tmp" && mv -f "$D/hosts-ssh.json.tmp" "$D/hosts-ssh.json"
  else
    rm -f "$D/hosts-ssh.json"
  fi
  if [ "${PODMAN_OK:-0}" = 1 ]; then
    hosts_podman_json >"$D/hosts-podman.json.tmp" && mv -f "$D/hosts-podman.json.tmp" "$D/hosts-podman.json"
    hosts_json all >"$D/hosts-all.json.tmp" && mv -f "$D/hosts-all.json.tmp" "$D/hosts-all.json"
  else
    rm -f "$D/hosts-podman.json" "$D/hosts-all.json"
  fi
}

print_env() {
  local kv
  for kv in \
    "WHARF_ENGINES_DIR=$D" \
    "DOCKER_LOCAL=$(engine_url local)" \
    "DOCKER_EDGE=$(engine_url edge)" \
    "DOCKER_SECURE=$(engine_url secure)" \
    "DOCKER_EDGE_TCP=tcp://127.0.0.1:$EDGE_PORT" \
    "DOCKER_SECURE_TCP=tcp://127.0.0.1:$SECURE_PORT" \
    "DOCKER_SECURE_CERT_PATH=$D/tls" \
    "WHARF_TEST_HOSTS_FILE=$D/hosts.json" \
    "WHARF_TEST_HOSTS_SSH_FILE=$D/hosts-ssh.json" \
    "WHARF_TEST_HOSTS_PODMAN_FILE=$D/hosts-podman.json" \
    "WHARF_TEST_HOSTS_ALL_FILE=$D/hosts-all.json" \
    "DOCKER_PODMAN=$(podman_url)" \
    "WHARF_REGISTRY=127.0.0.1:$REGISTRY_PORT" \
    "WHARF_REGISTRY_AUTH=127.0.0.1:$REGISTRY_AUTH_PORT" \
    "WHARF_REGISTRY_USER=$REGISTRY_USER" \
    "WHARF_REGISTRY_PASSWORD=$REGISTRY_PASSWORD" \
    "WHARF_SSH_URL=ssh://root@127.0.0.1:$SSH_PORT" \
    "WHARF_SSH_KEY=$(ssh_key)"; do
    printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"
  done
}
