/** The parts of the engine's swarm documents (API 1.41) that Wharf reads; the rest passes through untouched. */

export interface EngineVersion {
  Index?: number;
}

export interface EngineUpdatePolicy {
  Parallelism?: number;
  Delay?: number;
  FailureAction?: string;
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: string;
}

export interface EngineNode {
  ID: string;
  Version?: EngineVersion;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: { Name?: string; Labels?: Record<string, string>; Role?: string; Availability?: string };
  Description?: {
    Hostname?: string;
    Platform?: { Architecture?: string; OS?: string };
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
    Engine?: { EngineVersion?: string; Labels?: Record<string, string> };
  };
  Status?: { State?: string; Message?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string };
}

export interface EngineFileRef {
  File?: { Name?: string; UID?: string; GID?: string; Mode?: number };
  ConfigID?: string;
  ConfigName?: string;
  SecretID?: string;
  SecretName?: string;
}

export interface EngineServiceSpec {
  Name?: string;
  Labels?: Record<string, string>;
  TaskTemplate?: {
    ContainerSpec?: {
      Image?: string;
      Labels?: Record<string, string>;
      Command?: string[];
      Args?: string[];
      Env?: string[];
      Dir?: string;
      User?: string;
      StopGracePeriod?: number;
      Configs?: EngineFileRef[];
      Secrets?: EngineFileRef[];
      [k: string]: unknown;
    };
    Resources?: {
      Limits?: { NanoCPUs?: number; MemoryBytes?: number };
      Reservations?: { NanoCPUs?: number; MemoryBytes?: number };
    };
    RestartPolicy?: { Condition?: string; Delay?: number; MaxAttempts?: number; Window?: number };
    Placement?: {
      Constraints?: string[];
      Preferences?: { Spread?: { SpreadDescriptor?: string } }[];
      MaxReplicas?: number;
      [k: string]: unknown;
    };
    Networks?: { Target?: string; Aliases?: string[] }[];
    ForceUpdate?: number;
    [k: string]: unknown;
  };
  Mode?: {
    Replicated?: { Replicas?: number };
    Global?: Record<string, never>;
    ReplicatedJob?: { MaxConcurrent?: number; TotalCompletions?: number };
    GlobalJob?: Record<string, never>;
  };
  UpdateConfig?: EngineUpdatePolicy;
  RollbackConfig?: EngineUpdatePolicy;
  EndpointSpec?: {
    Mode?: string;
    Ports?: { Protocol?: string; TargetPort?: number; PublishedPort?: number; PublishMode?: string }[];
  };
  [k: string]: unknown;
}

export interface EngineService {
  ID: string;
  Version?: EngineVersion;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: EngineServiceSpec;
  PreviousSpec?: EngineServiceSpec;
  UpdateStatus?: { State?: string; StartedAt?: string; CompletedAt?: string; Message?: string };
  ServiceStatus?: { RunningTasks?: number; DesiredTasks?: number };
}

export interface EngineTask {
  ID: string;
  Version?: EngineVersion;
  CreatedAt?: string;
  UpdatedAt?: string;
  ServiceID?: string;
  NodeID?: string;
  Slot?: number;
  Spec?: { ContainerSpec?: { Image?: string } };
  DesiredState?: string;
  Status?: {
    Timestamp?: string;
    State?: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; ExitCode?: number };
  };
}

export interface EngineSwarmObject {
  ID: string;
  Version?: EngineVersion;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: { Name?: string; Labels?: Record<string, string>; Data?: string; Driver?: { Name?: string } };
}

export interface EngineInfoSwarm {
  NodeID?: string;
  NodeAddr?: string;
  LocalNodeState?: string;
  ControlAvailable?: boolean;
  Error?: string;
  RemoteManagers?: { NodeID?: string; Addr?: string }[] | null;
  Nodes?: number;
  Managers?: number;
  Cluster?: {
    ID?: string;
    CreatedAt?: string;
    UpdatedAt?: string;
    Spec?: { Orchestration?: { TaskHistoryRetentionLimit?: number } };
  };
}
