// One file per namespace, so each area of the UI keeps its own messages.
import type { Messages } from "../index";
import common from "./common.json";
import shell from "./shell.json";
import auth from "./auth.json";
import account from "./account.json";
import errors from "./errors.json";
import ui from "./ui.json";
import containers from "./containers.json";
import create from "./create.json";
import images from "./images.json";
import jobs from "./jobs.json";
import registries from "./registries.json";
import logs from "./logs.json";
import terminal from "./terminal.json";
import hosts from "./hosts.json";
import system from "./system.json";
import admin from "./admin.json";
import networks from "./networks.json";
import server from "./server.json";
import validation from "./validation.json";
import volumes from "./volumes.json";
import quotas from "./quotas.json";
import stats from "./stats.json";
import namespaces from "./namespaces.json";
import stacks from "./stacks.json";
import alerts from "./alerts.json";
import overview from "./overview.json";
import files from "./files.json";
import swarm from "./swarm.json";

const messages: Messages = {
  common,
  shell,
  auth,
  account,
  errors,
  ui,
  containers,
  create,
  images,
  jobs,
  registries,
  logs,
  terminal,
  hosts,
  system,
  admin,
  networks,
  volumes,
  quotas,
  stats,
  namespaces,
  stacks,
  alerts,
  overview,
  files,
  swarm,
  validation,
  server,
};
export default messages;
