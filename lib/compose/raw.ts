/** The compose document's shape once the schema has accepted it: only the keys Wharf reads. */

export type Scalar = string | number | boolean | null;
export type ListOrDict = Record<string, Scalar> | string[];
export type StringOrList = string | string[];

export interface RawCompose {
  name?: string;
  version?: string;
  services?: Record<string, RawService>;
  networks?: Record<string, RawNetwork | null>;
  volumes?: Record<string, RawVolume | null>;
  configs?: Record<string, RawFileObject>;
  secrets?: Record<string, RawFileObject>;
}

export type RawExternal = boolean | { name?: string };

export interface RawNetwork {
  name?: string;
  driver?: string;
  driver_opts?: Record<string, string | number>;
  internal?: boolean;
  attachable?: boolean;
  enable_ipv6?: boolean;
  labels?: ListOrDict;
  external?: RawExternal;
  ipam?: {
    driver?: string;
    config?: {
      subnet?: string;
      ip_range?: string;
      gateway?: string;
      aux_addresses?: Record<string, string>;
    }[];
    options?: Record<string, string>;
  };
}

export interface RawVolume {
  name?: string;
  driver?: string;
  driver_opts?: Record<string, string | number>;
  labels?: ListOrDict;
  external?: RawExternal;
}

export interface RawFileObject {
  name?: string;
  file?: string;
  environment?: string;
  content?: string;
  external?: RawExternal;
}

export interface RawPort {
  target?: number;
  published?: number | string;
  host_ip?: string;
  protocol?: string;
  mode?: string;
}

export interface RawVolumeMount {
  type: string;
  source?: string;
  target?: string;
  read_only?: boolean;
  bind?: { propagation?: string; create_host_path?: boolean };
  volume?: { nocopy?: boolean };
  tmpfs?: { size?: number | string; mode?: number | string };
}

export interface RawFileRef {
  source?: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

export interface RawUpdatePolicy {
  parallelism?: number;
  delay?: string;
  failure_action?: string;
  monitor?: string;
  max_failure_ratio?: number;
  order?: string;
}

export interface RawService {
  image?: string;
  build?:
    | string
    | { context?: string; dockerfile?: string; args?: ListOrDict; target?: string; labels?: ListOrDict };
  command?: StringOrList;
  entrypoint?: StringOrList;
  environment?: ListOrDict;
  env_file?: string | (string | { path: string; required?: boolean })[];
  ports?: (number | string | RawPort)[];
  expose?: (string | number)[];
  volumes?: (string | RawVolumeMount)[];
  tmpfs?: StringOrList;
  networks?:
    | string[]
    | Record<
        string,
        { aliases?: string[]; ipv4_address?: string; ipv6_address?: string; priority?: number } | null
      >;
  network_mode?: string;
  depends_on?: string[] | Record<string, { condition: string; restart?: boolean; required?: boolean }>;
  links?: string[];
  healthcheck?: {
    test?: StringOrList;
    interval?: string;
    timeout?: string;
    retries?: number;
    start_period?: string;
    disable?: boolean;
  };
  restart?: string;
  labels?: ListOrDict;
  user?: string;
  working_dir?: string;
  hostname?: string;
  domainname?: string;
  init?: boolean;
  stop_signal?: string;
  stop_grace_period?: string;
  tty?: boolean;
  stdin_open?: boolean;
  cap_add?: string[];
  cap_drop?: string[];
  privileged?: boolean;
  read_only?: boolean;
  devices?: string[];
  security_opt?: string[];
  extra_hosts?: ListOrDict;
  dns?: StringOrList;
  dns_search?: StringOrList;
  sysctls?: ListOrDict;
  ulimits?: Record<string, number | { soft: number; hard: number }>;
  shm_size?: number | string;
  logging?: { driver?: string; options?: Record<string, string | number | null> };
  mem_limit?: number | string;
  mem_reservation?: number | string;
  cpus?: number | string;
  pids_limit?: number | string;
  deploy?: {
    mode?: string;
    endpoint_mode?: string;
    replicas?: number;
    labels?: ListOrDict;
    resources?: {
      limits?: { cpus?: number | string; memory?: string; pids?: number | string };
      reservations?: { cpus?: number | string; memory?: string };
    };
    restart_policy?: { condition?: string; delay?: string; max_attempts?: number; window?: string };
    placement?: {
      constraints?: string[];
      preferences?: { spread?: string }[];
      max_replicas_per_node?: number;
    };
    update_config?: RawUpdatePolicy;
    rollback_config?: RawUpdatePolicy;
  } | null;
  scale?: number;
  profiles?: string[];
  configs?: (string | RawFileRef)[];
  secrets?: (string | RawFileRef)[];
  container_name?: string;
  pull_policy?: string;
}
