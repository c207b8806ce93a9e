import { describe, expect, it } from "vitest";
import { labelLine, taskIdOf } from "./service-logs";

describe("service log lines", () => {
  const tasks = new Map([["abcdefabcdef0123456789", "web.2"]]);
  const nodes = new Map([["nodeid0001", "vm"]]);

  it("names the task and node of a line the way the CLI does", () => {
    const line =
      "com.docker.swarm.node.id=nodeid0001,com.docker.swarm.service.id=svc1,com.docker.swarm.task.id=abcdefabcdef0123456789 hello world";
    expect(labelLine(line, tasks, nodes)).toBe("web.2.abcdefabcdef@vm | hello world");
  });

  it("leaves a line without the swarm's labels as it is", () => {
    expect(labelLine("plain text", tasks, nodes)).toBe("plain text");
  });

  it("finds the task id among a line's labels, wherever it sits", () => {
    const line =
      "com.docker.swarm.task.id=t1,com.docker.swarm.node.id=n1 text with com.docker.swarm.task.id=x";

    expect(taskIdOf(line)).toBe("t1");
    expect(taskIdOf("plain text")).toBeUndefined();
  });
});
