import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

// 2026-12-05 15:15:00 and on, in the machine's zone: the labels are local times, as the reader's are.
const at = (h: number, m: number, day = 5) => new Date(2026, 11, day, h, m).getTime() / 1000;

describe("timeTicks", () => {
  it("labels ticks on a 24-hour clock, with the date under the first and at each new day", () => {
    const { axis } = timeTicks("zh-CN");
    expect(axis([at(15, 15), at(15, 30), at(23, 45), at(0, 0, 6)], 900)).toEqual([
      "15:15\n12/5",
      "15:30",
      "23:45",
      "00:00\n12/6",
    ]);
  });

  it("reads the same in English: no am or pm", () => {
    const ticks = timeTicks("en-US").axis([at(15, 15), at(15, 30)], 900);
    expect(ticks).toEqual(["15:15\n12/5", "15:30"]);
  });

  it("shows seconds under a minute's step, and only dates from a day's", () => {
    const { axis } = timeTicks("en-US");
    expect(axis([at(15, 15), at(15, 15) + 30], 30)).toEqual(["15:15:00\n12/5", "15:15:30"]);
    expect(axis([at(0, 0), at(0, 0, 6)], 86_400)).toEqual(["12/5", "12/6"]);
  });

  it("gives the legend the full date and time", () => {
    expect(timeTicks("zh-CN").legend(at(15, 15) + 7)).toBe("2026/12/05 15:15:07");
  });
});
