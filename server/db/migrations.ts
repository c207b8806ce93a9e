/** Append-only: a shipped migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "users and sessions",
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer','operator','admin')),
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,            -- sha256 of the cookie token; the token itself is never stored
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ip TEXT,
        user_agent TEXT
      );
      CREATE INDEX sessions_user ON sessions(user_id);
    `,
  },
  {
    version: 2,
    name: "scopes, api tokens, audit log, managed hosts",
    sql: `
      ALTER TABLE users ADD COLUMN hosts TEXT NOT NULL DEFAULT '"*"';   -- JSON: "*" or ["id", ...]
      ALTER TABLE users ADD COLUMN label_selector TEXT;
      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,   -- sha256; the token is shown once and never stored
        role TEXT NOT NULL CHECK (role IN ('viewer','operator','admin')),
        hosts TEXT NOT NULL DEFAULT '"*"',
        label_selector TEXT,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        user TEXT NOT NULL,
        ip TEXT,
        host_id TEXT,
        target TEXT,
        action TEXT NOT NULL,
        params TEXT,
        result TEXT NOT NULL CHECK (result IN ('ok','error')),
        error TEXT
      );
      CREATE INDEX audit_at ON audit_log(at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TABLE managed_hosts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT NOT NULL,
        tls TEXT,             -- JSON {ca, cert, key}, encrypted with the secret key
        ssh TEXT,             -- JSON {privateKey}, encrypted with the secret key
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "registries",
    sql: `
      CREATE TABLE registries (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        username TEXT,
        password TEXT,        -- sealed with the secret key; never sent to a browser
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: "image owners",
    sql: `
      -- Docker images carry no owner: who brought each one onto a host, by pull, build, load or tag.
      CREATE TABLE image_owners (
        host_id TEXT NOT NULL,
        image_id TEXT NOT NULL,           -- the engine's full id, sha256:…
        owner TEXT NOT NULL,              -- the label selector of the bringer's scope; '' for none
        by_name TEXT NOT NULL,            -- the user or token:<name>, as the audit log names it
        how TEXT NOT NULL CHECK (how IN ('pull','build','load','tag','commit')),
        at INTEGER NOT NULL,
        PRIMARY KEY (host_id, image_id, owner)
      );
    `,
  },
  {
    version: 5,
    name: "user locale",
    sql: `
      -- 'en' or 'zh-CN'; NULL follows the browser's Accept-Language.
      ALTER TABLE users ADD COLUMN locale TEXT;
    `,
  },
  {
    version: 6,
    name: "stacks",
    sql: `
      -- A compose project Wharf keeps files for. Projects made by the compose CLI exist only as
      -- labelled containers until someone adopts them.
      CREATE TABLE stacks (
        host_id TEXT NOT NULL,
        name TEXT NOT NULL,
        owner TEXT NOT NULL,            -- the label selector of the creator's scope; '' for none
        created_at INTEGER NOT NULL,
        PRIMARY KEY (host_id, name)
      );
      CREATE TABLE stack_revisions (
        host_id TEXT NOT NULL,
        name TEXT NOT NULL,
        revision INTEGER NOT NULL,
        compose TEXT NOT NULL,
        env TEXT,                       -- the .env text, sealed with the secret key
        files TEXT,                     -- JSON {path: content} of further files, sealed
        message TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL,           -- the user or token:<name>, as the audit log names it
        at INTEGER NOT NULL,
        deployed_at INTEGER,            -- set when a deploy of this revision ended well
        deployed_by TEXT,               -- who ran that deploy
        PRIMARY KEY (host_id, name, revision),
        FOREIGN KEY (host_id, name) REFERENCES stacks(host_id, name) ON DELETE CASCADE
      );
    `,
  },
  {
    version: 7,
    name: "metrics history",
    sql: `
      -- One container's (or a host's totals') stats over time. A series is one container id: a
      -- recreated container starts a new one, and project and service join them up again.
      CREATE TABLE metric_series (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,             -- 'container' or 'host'
        host_id TEXT NOT NULL,
        container_id TEXT NOT NULL,     -- '' for a host's totals
        name TEXT NOT NULL DEFAULT '',
        project TEXT NOT NULL DEFAULT '',
        service TEXT NOT NULL DEFAULT '',
        labels TEXT NOT NULL DEFAULT '{}', -- JSON, as last seen: a label scope is checked against it
        first_ts INTEGER NOT NULL,
        last_ts INTEGER NOT NULL,
        UNIQUE (host_id, kind, container_id)
      );
      CREATE INDEX metric_series_service ON metric_series (host_id, project, service);
      -- One bucket of a tier (0: 10 s, 1: 1 min, 2: 5 min, 3: 1 h) of one series. Values are whole
      -- numbers: CPU in hundredths of a percent, bytes, bytes per second, pids.
      CREATE TABLE metric_points (
        series_id INTEGER NOT NULL,
        tier INTEGER NOT NULL,
        ts INTEGER NOT NULL,            -- the bucket's start, epoch ms
        n INTEGER NOT NULL,             -- samples in the bucket
        mem_limit INTEGER NOT NULL,     -- the memory limit last seen, 0 for none
        cpu_min INTEGER NOT NULL, cpu_max INTEGER NOT NULL, cpu_avg INTEGER NOT NULL, cpu_last INTEGER NOT NULL,
        mem_min INTEGER NOT NULL, mem_max INTEGER NOT NULL, mem_avg INTEGER NOT NULL, mem_last INTEGER NOT NULL,
        net_rx_min INTEGER NOT NULL, net_rx_max INTEGER NOT NULL, net_rx_avg INTEGER NOT NULL, net_rx_last INTEGER NOT NULL,
        net_tx_min INTEGER NOT NULL, net_tx_max INTEGER NOT NULL, net_tx_avg INTEGER NOT NULL, net_tx_last INTEGER NOT NULL,
        blk_r_min INTEGER NOT NULL, blk_r_max INTEGER NOT NULL, blk_r_avg INTEGER NOT NULL, blk_r_last INTEGER NOT NULL,
        blk_w_min INTEGER NOT NULL, blk_w_max INTEGER NOT NULL, blk_w_avg INTEGER NOT NULL, blk_w_last INTEGER NOT NULL,
        pids_min INTEGER NOT NULL, pids_max INTEGER NOT NULL, pids_avg INTEGER NOT NULL, pids_last INTEGER NOT NULL,
        PRIMARY KEY (series_id, tier, ts)
      ) WITHOUT ROWID;
      -- How far each coarser tier has been rolled up: buckets before done_ts are written.
      CREATE TABLE metric_rollups (tier INTEGER PRIMARY KEY, done_ts INTEGER NOT NULL);
    `,
  },
  {
    version: 8,
    name: "alerts",
    sql: `
      -- Where notifications go. config is the target's JSON (URLs, passwords, signing secrets),
      -- sealed with the secret key; endpoint is the URL or mail server, for showing.
      CREATE TABLE alert_targets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        config TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE alert_rules (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        scope TEXT NOT NULL,            -- JSON {hosts?, labelSelector?, stack?, service?}
        params TEXT NOT NULL,           -- JSON {seconds?, restarts?, minutes?, percent?}
        targets TEXT NOT NULL,          -- JSON [target id]
        cooldown_s INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL
      );
      -- One alert per rule and subject (a container, a service or a host) while it is open: a
      -- condition met again while it fires counts into it rather than opening another.
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        rule_id INTEGER NOT NULL,
        rule_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        state TEXT NOT NULL,            -- 'firing' or 'resolved'
        host_id TEXT NOT NULL,
        container_id TEXT,
        container_name TEXT,
        project TEXT,
        service TEXT,
        labels TEXT NOT NULL DEFAULT '{}', -- the container's labels: a label scope is checked against them
        summary TEXT NOT NULL,
        details TEXT NOT NULL,          -- JSON
        count INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        last_at INTEGER NOT NULL,       -- when the condition was last met
        resolved_at INTEGER,
        silenced INTEGER NOT NULL DEFAULT 0,
        acked_by TEXT,
        acked_at INTEGER
      );
      CREATE INDEX alerts_open ON alerts (rule_id, subject, state);
      CREATE INDEX alerts_started ON alerts (started_at);
      -- One notification of one alert event to one target, retried with backoff until sent or
      -- given up. payload is the alert as it was at the event.
      CREATE TABLE alert_deliveries (
        id INTEGER PRIMARY KEY,
        alert_id INTEGER,               -- NULL for a target's test message
        target_id INTEGER NOT NULL,
        event TEXT NOT NULL,            -- 'firing', 'resolved' or 'test'
        status TEXT NOT NULL,           -- 'pending', 'sent' or 'failed'
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at INTEGER NOT NULL,
        last_error TEXT,
        sent_at INTEGER,
        created_at INTEGER NOT NULL,
        payload TEXT NOT NULL
      );
      CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_at);
      CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id);
      CREATE TABLE alert_silences (
        id INTEGER PRIMARY KEY,
        rule_id INTEGER,
        host_id TEXT,
        subject TEXT,                   -- a container's name, or project/service
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        comment TEXT NOT NULL,
        owner TEXT NOT NULL,            -- the label selector of the creator's scope; '' for none
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: "image layer index",
    sql: `
      -- One row per layer tar read from a save, keyed by its diff id (the sha256 of the uncompressed
      -- tar), so a layer shared by many images, on any host, is read once. diff_id is NULL while the
      -- layer is still streaming; such rows are leftovers of an interrupted read.
      CREATE TABLE layer_index (
        id INTEGER PRIMARY KEY,
        diff_id TEXT UNIQUE,
        tar_size INTEGER NOT NULL DEFAULT 0,    -- bytes of the uncompressed tar
        size INTEGER NOT NULL DEFAULT 0,        -- bytes of its entries (tar sizes)
        entries INTEGER NOT NULL DEFAULT 0,
        indexed_at INTEGER NOT NULL
      );
      -- A layer's tar entries. A whiteout '.wh.<name>' is stored as <name> with wh = 1; an opaque
      -- marker '.wh..wh..opq' in folder F is stored as F itself with wh = 2.
      CREATE TABLE layer_files (
        layer_id INTEGER NOT NULL REFERENCES layer_index(id) ON DELETE CASCADE,
        dir TEXT NOT NULL,                      -- the parent folder, '' for the root, no leading '/'
        name TEXT NOT NULL,
        wh INTEGER NOT NULL,                    -- 0 an entry, 1 a whiteout, 2 an opaque folder
        type TEXT NOT NULL,
        size INTEGER NOT NULL,
        mode INTEGER NOT NULL,
        uid INTEGER NOT NULL,
        gid INTEGER NOT NULL,
        mtime INTEGER NOT NULL,                 -- epoch ms
        link_target TEXT,
        PRIMARY KEY (layer_id, dir, name, wh)
      ) WITHOUT ROWID;
      -- An image's layers with their steps and the analysis of its files, by image id (the digest of
      -- its config, so the same on every host).
      CREATE TABLE layer_images (
        image_id TEXT PRIMARY KEY,
        step_source TEXT NOT NULL,              -- 'config' or 'history'
        steps TEXT NOT NULL,                    -- JSON [{diffId, createdBy, created?, comment?}]
        analysis TEXT NOT NULL,                 -- JSON: per-layer counts, waste, largest files
        at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 10,
    name: "swarm stacks",
    sql: `
      -- 'compose': containers on the host's own engine; 'swarm': services on the swarm it manages.
      ALTER TABLE stacks ADD COLUMN orchestrator TEXT NOT NULL DEFAULT 'compose';
    `,
  },
];
