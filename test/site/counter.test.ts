// The token counter in Chromium: counts equal core's in Node (the browser runs the same core on
// tiktoken's WASM), tokenizer assets load only on first use and only once, boundaries cover the
// text exactly, chats count with formatting overhead, and nothing leaves the origin.
import { countChatTokens, countTokens, priceUsage } from "@tokenmeter/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  foreignRequests,
  type LaunchedBrowser,
  launchChromium,
  openPage,
  type Page,
} from "./support/browser.ts";
import { type StaticSite, serveSite } from "./support/static-server.ts";
import { browserSuite } from "./support/suite.ts";

const SAMPLE =
  "Tokens are the pieces a model reads. Special strings like <|endoftext|> count as text; émoji 🙂👍🏽 and 家族 too.";

async function countsShown(page: Page): Promise<Map<string, number>> {
  const rows = page.locator(".count-table tbody tr[data-model]");
  const shown = new Map<string, number>();
  for (const row of await rows.all()) {
    const model = await row.getAttribute("data-model");
    const tokens = await row.locator("td.tokens").getAttribute("data-tokens");
    if (model && tokens) shown.set(model, Number(tokens));
  }
  return shown;
}

async function waitForCounts(page: Page, models: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.count-table td.tokens[data-tokens]:not([data-tokens=""])')
        .length >= n,
    models,
    { timeout: 30_000 },
  );
}

browserSuite("token counter", () => {
  let site: StaticSite;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    site = await serveSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("loads no tokenizer until there is text, then matches core's counts and prices", async () => {
    const { page, requests, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/counter/`, { waitUntil: "networkidle" });
    expect(requests.filter((url) => /\.wasm|_base.*\.json|worker/.test(url))).toEqual([]);

    await page.getByLabel("Text to count").fill(SAMPLE);
    const models = await page.locator(".count-table tbody tr[data-model]").count();
    expect(models).toBeGreaterThanOrEqual(2);
    await waitForCounts(page, models);
    const shown = await countsShown(page);
    for (const [model, tokens] of shown) {
      const expected = await countTokens(SAMPLE, model);
      expect({ model, tokens }).toEqual({ model, tokens: expected.tokens });
      const row = page.locator(`.count-table tr[data-model="${model}"]`);
      await expect(row.locator(".badge").textContent()).resolves.toBe(
        expected.exact ? "exact" : "estimated",
      );
      const send = priceUsage({ inputTokens: expected.tokens }, model).totalUsd;
      expect(send).toBeGreaterThan(0);
    }
    // OpenAI and non-OpenAI models side by side, with the right badges.
    expect([...shown.keys()].some((m) => m.startsWith("gpt-"))).toBe(true);
    expect([...shown.keys()].some((m) => m.startsWith("claude-"))).toBe(true);

    // Keep typing: assets were fetched once, not per keystroke.
    await page.getByLabel("Text to count").press("End");
    await page.keyboard.type(" and more words", { delay: 5 });
    await page.waitForFunction(
      (text) => (document.querySelector("textarea") as HTMLTextAreaElement).value === text,
      `${SAMPLE} and more words`,
    );
    await waitForCounts(page, models);
    const wasm = requests.filter((url) => url.endsWith(".wasm"));
    const ranks = requests.filter((url) => /o200k_base[^/]*\.json$/.test(url));
    expect(wasm).toHaveLength(1);
    expect(ranks).toHaveLength(1);
    expect(foreignRequests(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows token boundaries that cover the text exactly, one span per token", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/counter/`);
    const text = "Hello world! Counting tokens, one piece at a time.";
    await page.getByLabel("Text to count").fill(text);
    const boundaryModel = await page.getByLabel("Show the tokens of").inputValue();
    expect(boundaryModel).not.toBe("");
    await page.waitForSelector(".token-view .tok");
    const pieces = await page.locator(".token-view .tok").allInnerTexts();
    expect(pieces.join("")).toBe(text);
    expect(pieces).toHaveLength((await countTokens(text, boundaryModel)).tokens);
    expect(pieces.slice(0, 3)).toEqual(["Hello", " world", "!"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("counts a 50,000-character text and follows edits to it", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/counter/`);
    const paragraph =
      "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs. ";
    const big = paragraph.repeat(Math.ceil(50_000 / paragraph.length)).slice(0, 50_000);
    await page.getByLabel("Text to count").fill(big);
    const gpt = page.locator('.count-table tr[data-model^="gpt-"]').first();
    const model = await gpt.getAttribute("data-model");
    if (model === null) throw new Error("no OpenAI model row");
    const expected = (await countTokens(big, model)).tokens;
    await expect
      .poll(async () => Number(await gpt.locator("td.tokens").getAttribute("data-tokens")), {
        timeout: 30_000,
      })
      .toBe(expected);
    await page.getByLabel("Text to count").press("End");
    await page.keyboard.type("!!", { delay: 5 });
    const edited = (await countTokens(`${big}!!`, model)).tokens;
    await expect
      .poll(async () => Number(await gpt.locator("td.tokens").getAttribute("data-tokens")), {
        timeout: 30_000,
      })
      .toBe(edited);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("counts 50,000 characters full of special-token strings as plain text, as core does", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/counter/`);
    const piece = "<|endoftext|> <|im_start|>user<|im_end|> <|fim_prefix|>x<|fim_suffix|> 🙂 ";
    const big = piece.repeat(Math.ceil(50_000 / piece.length)).slice(0, 50_000);
    await page.getByLabel("Text to count").fill(big);
    const models = await page.locator(".count-table tbody tr[data-model]").count();
    await waitForCounts(page, models);
    const shown = await countsShown(page);
    const openai = [...shown.keys()].filter((id) => id.startsWith("gpt-"));
    expect(openai.length).toBeGreaterThan(0);
    for (const model of openai) {
      // Core in Node counts special-token strings as ordinary text (encode_ordinary).
      expect({ model, tokens: shown.get(model) }).toEqual({
        model,
        tokens: (await countTokens(big, model)).tokens,
      });
    }
    // Every model answered: no failure row, and the boundaries view shows the text's start.
    expect(await page.locator(".count-table [role=alert]").count()).toBe(0);
    await page.waitForSelector(".token-view .tok");
    expect(await page.locator(".token-view").textContent()).toContain("<|endoftext|>");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fits its results on a 360 px phone, remove buttons included", async () => {
    const phone = await launchChromium({ viewport: { width: 360, height: 780 } });
    try {
      const { page, errors } = await openPage(phone.context);
      await page.goto(`${site.origin}/counter/`);
      await page.getByLabel("Text to count").fill(SAMPLE);
      await waitForCounts(page, await page.locator(".count-table tbody tr[data-model]").count());
      const wrap = page.locator(".count-table").locator("xpath=..");
      const { scroll, client } = await wrap.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
      }));
      expect(scroll).toBeLessThanOrEqual(client);
      for (const button of await page.getByRole("button", { name: /^Remove / }).all()) {
        const box = await button.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
      }
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it("counts a chat with each model's formatting overhead", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/counter/`);
    await page.getByLabel("A chat (messages with roles)").check();
    const messages = [
      { role: "system" as const, content: "You are a concise assistant." },
      { role: "user" as const, content: "How many tokens is this chat?" },
    ];
    await page.getByLabel("Content of message 1 (system)").fill(messages[0]?.content ?? "");
    await page.getByLabel("Content of message 2 (user)").fill(messages[1]?.content ?? "");
    const models = await page.locator(".count-table tbody tr[data-model]").count();
    await waitForCounts(page, models);
    for (const [model, tokens] of await countsShown(page)) {
      expect({ model, tokens }).toEqual({
        model,
        tokens: (await countChatTokens(messages, model)).tokens,
      });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads a dropped chat file without uploading it", async () => {
    const { page, requests, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/counter/`, { waitUntil: "networkidle" });
    const chat = [
      { role: "user", content: "Summarise the plot of Hamlet in one line." },
      { role: "assistant", content: "A prince avenges his father and almost everyone dies." },
    ];
    await page.locator('input[type="file"]').setInputFiles({
      name: "chat.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ messages: chat })),
    });
    await page.getByText("Read chat.json: a chat of 2 messages.").waitFor();
    const models = await page.locator(".count-table tbody tr[data-model]").count();
    await waitForCounts(page, models);
    for (const [model, tokens] of await countsShown(page)) {
      expect(tokens).toBe((await countChatTokens(chat, model)).tokens);
    }
    const posts = requests.filter((url) => !url.startsWith(site.origin));
    expect(posts).toEqual([]);
    expect(site.requestedPaths.some((path) => path.includes("chat.json"))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
