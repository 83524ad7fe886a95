import { describe, expect, it } from "vitest";
import { firstLoadScripts } from "./first-load-js";

describe("firstLoadScripts", () => {
  it("counts script tags and the chunks the RSC payload names, once each", () => {
    const html = [
      '<script src="/_next/static/chunks/a1.js" async=""></script>',
      '<link rel="preload" as="script" href="/_next/static/chunks/b2.js"/>',
      '<script>self.__next_f.push([1,"2:\\"/_next/static/chunks/c3.js\\"\\n3:\\"/_next/static/chunks/a1.js\\""])</script>',
    ].join("");
    expect(firstLoadScripts(html)).toEqual(["/_next/static/chunks/a1.js", "/_next/static/chunks/b2.js", "/_next/static/chunks/c3.js"]);
  });

  it("leaves out noModule polyfills, which module-capable browsers never fetch", () => {
    const html = '<script src="/_next/static/chunks/polyfill.js" noModule=""></script><script src="/_next/static/chunks/main.js"></script>';
    expect(firstLoadScripts(html)).toEqual(["/_next/static/chunks/main.js"]);
  });

  it("ignores stylesheets", () => {
    expect(firstLoadScripts('<link rel="stylesheet" href="/_next/static/chunks/x.css"/>')).toEqual([]);
  });
});
