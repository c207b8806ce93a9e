# shellcheck shell=bash
# The test CA and the server and client certificates of engine secure.

ensure_tls() {
  local t="$D/tls" tmp
  if [ -s "$t/ca.pem" ] && [ -s "$t/server-cert.pem" ] && [ -s "$t/server-key.pem" ] &&
    [ -s "$t/cert.pem" ] && [ -s "$t/key.pem" ]; then
    return 0
  fi
  log "generating TLS CA, server and client certificates in $t"
  tmp=$(mktemp -d "$D/.tls.XXXXXX")
  (
    cd "$tmp" || exit
    umask 077
    printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n' >ca.ext
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' >server.ext
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >client.ext
    openssl genrsa -out ca-key.pem 2048 2>/dev/null
    openssl req -new -key ca-key.pem -subj "/CN=Wharf test CA" -out ca.csr
    openssl x509 -req -in ca.csr -signkey ca-key.pem -days 3650 -sha256 -extfile ca.ext -out ca.pem 2>/dev/null
    openssl genrsa -out server-key.pem 2048 2>/dev/null
    openssl req -new -key server-key.pem -subj "/CN=localhost" -out server.csr
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 -sha256 \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl genrsa -out key.pem 2048 2>/dev/null
    openssl req -new -key key.pem -subj "/CN=wharf-test-client" -out client.csr
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 -sha256 \
      -extfile client.ext -out cert.pem 2>/dev/null
    rm -f ./*.csr ./*.ext ./*.srl
    chmod 644 ca.pem server-cert.pem cert.pem
    chmod 600 ca-key.pem server-key.pem key.pem
  )
  rm -rf "$t"
  mv "$tmp" "$t"
  chmod 755 "$t"
  # shellcheck disable=SC2034 # read by cmd_start
  TLS_NEW=1
}
