// Generated from pricing/plans.json by `npm run gen`. Do not edit by hand.
import type { PlansTableInput } from "./schema.ts";

/** The bundled subscription-plans table, as data (validated by `defaultPlansTable`). */
export const plansData: PlansTableInput = {
  "$schema": "./schema/plans.schema.json",
  "version": "2026.11.27",
  "publishedOn": "2026-11-27",
  "currency": "USD",
  "plans": [
    {
      "id": "chatgpt-free",
      "aliases": [
        "chatgpt"
      ],
      "provider": "openai",
      "product": "ChatGPT",
      "displayName": "ChatGPT Free",
      "pricingUrl": "https://openai.com/chatgpt/pricing/",
      "prices": [
        {
          "effectiveFrom": "2022-11-30",
          "billing": "monthly",
          "usdPerMonth": 0,
          "source": "https://sourcefeed.dev/models/chatgpt",
          "checked": "2026-11-27",
          "note": "sourcefeed.dev (a third-party model-history page, April 2026; not OpenAI): ChatGPT \"launched as a free research preview on November 30, 2022\". OpenAI's launch post (https://openai.com/index/chatgpt/) was not re-read for this table. The newest page read that describes the Free plan is help.openai.com article 11909943 (May 2026)."
        }
      ],
      "terms": {
        "asOf": "2026-05-23",
        "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
        "via": "https://doublepost.link/guild/974519864045756446/thread/1505571140276326552/",
        "sourceDate": "2026-05-23",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "messages",
            "label": "GPT-5.5 Instant",
            "messages": 10,
            "windowHours": 5,
            "scope": "all",
            "atLeast": false,
            "assumes": "OpenAI calls Free limits dynamic: they may vary with market, system conditions and individual usage.",
            "effect": "fallback-model",
            "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
            "via": "https://doublepost.link/guild/974519864045756446/thread/1505571140276326552/",
            "sourceDate": "2026-05-23",
            "checked": "2026-11-27"
          },
          {
            "kind": "text",
            "text": "Data analysis, file and image uploads and image generation have their own, separate limits; no weekly total is published.",
            "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
            "via": "https://doublepost.link/guild/974519864045756446/thread/1505571140276326552/",
            "sourceDate": "2026-05-23",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "gpt-5.5",
            "role": "primary",
            "servedAs": "GPT-5.5 Instant",
            "why": "Free users get GPT-5.5 Instant up to the cap. Its API alias (chat-latest) has no price in the sources read; gpt-5.5 at low reasoning effort is the closest priced API model."
          },
          {
            "model": "gpt-5.4-mini",
            "role": "fallback",
            "servedAs": "mini model after the cap",
            "why": "After 10 messages per 5 hours chats switch to the mini version of the model; GPT-5.4 mini is the mini OpenAI names as the paid plans' fallback."
          }
        ],
        "includes": [
          {
            "kind": "ads",
            "text": "Ads are being tested on Free and Go in the US since January 2026."
          },
          {
            "kind": "image-generation",
            "text": "Limited image generation."
          },
          {
            "kind": "web-search",
            "text": "Web search."
          }
        ],
        "note": "Limits are the newest published ones found (May 2026); OpenAI changes them often and may have changed them since."
      }
    },
    {
      "id": "chatgpt-go",
      "aliases": [],
      "provider": "openai",
      "product": "ChatGPT",
      "displayName": "ChatGPT Go",
      "pricingUrl": "https://openai.com/chatgpt/pricing/",
      "prices": [
        {
          "effectiveFrom": "2026-01-16",
          "billing": "monthly",
          "usdPerMonth": 8,
          "source": "https://openai.com/index/our-approach-to-advertising-and-expanding-access/",
          "via": "https://birchtree.me/blog/let-the-chatgpt-enshitification-begin/",
          "sourceDate": "2026-01-16",
          "checked": "2026-11-27",
          "note": "\"Today we're bringing Go to the U.S. and everywhere ChatGPT is available ... for $8 USD/month.\" Go was sold earlier in India (from August 2025) in rupees only, so there is no earlier USD record."
        }
      ],
      "terms": {
        "asOf": "2026-05-23",
        "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
        "via": "https://tokenkarma.app/chatgpt-usage-limit/",
        "sourceDate": "2026-05-23",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "messages",
            "label": "GPT-5.5 Instant",
            "messages": 160,
            "windowHours": 3,
            "scope": "all",
            "atLeast": false,
            "assumes": "\"ChatGPT Plus and ChatGPT Go users can send up to 160 messages with GPT-5.5 every 3 hours.\" OpenAI says Go limits can be dynamic.",
            "effect": "fallback-model",
            "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
            "via": "https://tokenkarma.app/chatgpt-usage-limit/",
            "sourceDate": "2026-05-23",
            "checked": "2026-11-27"
          },
          {
            "kind": "messages",
            "label": "GPT-5.5 Thinking (chosen by hand)",
            "messages": 10,
            "windowHours": 5,
            "scope": "reasoning",
            "atLeast": false,
            "assumes": "Counts only Thinking chosen by hand; automatic switching into Thinking does not count.",
            "effect": "fallback-model",
            "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
            "via": "https://tokenkarma.app/chatgpt-usage-limit/",
            "sourceDate": "2026-05-23",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "gpt-5.5",
            "role": "primary",
            "servedAs": "GPT-5.5 Instant",
            "why": "Go serves GPT-5.5 Instant up to the cap; gpt-5.5 at low reasoning effort is the closest priced API model."
          },
          {
            "model": "gpt-5.5",
            "role": "reasoning",
            "servedAs": "GPT-5.5 Thinking",
            "why": "Thinking is GPT-5.5 with more reasoning; on the API that is gpt-5.5 at a higher reasoning effort."
          },
          {
            "model": "gpt-5.4-mini",
            "role": "fallback",
            "servedAs": "mini model after the cap",
            "why": "After the cap chats switch to the mini version of the model."
          }
        ],
        "includes": [
          {
            "kind": "ads",
            "text": "Ads are being tested on Free and Go in the US."
          },
          {
            "kind": "image-generation",
            "text": "About 10x Free's image generations."
          },
          {
            "kind": "file-analysis",
            "text": "About 10x Free's file uploads."
          },
          {
            "kind": "memory",
            "text": "Longer memory and context than Free."
          }
        ],
        "note": "Limits are the newest published ones found (May 2026)."
      }
    },
    {
      "id": "chatgpt-plus",
      "aliases": [
        "plus"
      ],
      "provider": "openai",
      "product": "ChatGPT",
      "displayName": "ChatGPT Plus",
      "pricingUrl": "https://openai.com/chatgpt/pricing/",
      "prices": [
        {
          "effectiveFrom": "2023-02-01",
          "billing": "monthly",
          "usdPerMonth": 20,
          "source": "https://openai.com/index/chatgpt-plus/",
          "via": "https://sourcescore.org/api/v1/claims/461dd4dbccd9038d.json",
          "sourceDate": "2023-02-01",
          "checked": "2026-11-27",
          "note": "Launch post: \"ChatGPT Plus, will be available for $20/month.\" Still $20 \"billed monthly\" on help.openai.com article 6950777 (copy from after 2026-02-13) and on third-party checks dated 2026-05-25. No annual option for Plus was found."
        }
      ],
      "terms": {
        "asOf": "2026-05-23",
        "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
        "via": "https://tokenkarma.app/chatgpt-usage-limit/",
        "sourceDate": "2026-05-23",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "messages",
            "label": "GPT-5.5 Instant",
            "messages": 160,
            "windowHours": 3,
            "scope": "all",
            "atLeast": false,
            "assumes": "\"ChatGPT Plus and ChatGPT Go users can send up to 160 messages with GPT-5.5 every 3 hours.\"",
            "effect": "fallback-model",
            "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
            "via": "https://tokenkarma.app/chatgpt-usage-limit/",
            "sourceDate": "2026-05-23",
            "checked": "2026-11-27"
          },
          {
            "kind": "messages",
            "label": "GPT-5.5 Thinking",
            "messages": 3000,
            "windowHours": 168,
            "scope": "reasoning",
            "atLeast": false,
            "assumes": "Up to 3,000 Thinking messages per week; after that manual access to Thinking is not guaranteed.",
            "effect": "fallback-model",
            "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
            "via": "https://ai.zenken.co.jp/en/post/chatgpt-usage/",
            "sourceDate": "2026-05-05",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "gpt-5.5",
            "role": "primary",
            "servedAs": "GPT-5.5 Instant",
            "why": "Plus serves GPT-5.5 Instant by default; gpt-5.5 at low reasoning effort is the closest priced API model."
          },
          {
            "model": "gpt-5.5",
            "role": "reasoning",
            "servedAs": "GPT-5.5 Thinking",
            "why": "Thinking is GPT-5.5 with more reasoning; on the API that is gpt-5.5 at a higher reasoning effort."
          },
          {
            "model": "gpt-5.4-mini",
            "role": "fallback",
            "servedAs": "GPT-5.4 mini after the cap",
            "why": "OpenAI names GPT-5.4 mini as the fallback when paid users reach their limits."
          }
        ],
        "includes": [
          {
            "kind": "image-generation",
            "text": "Image generation."
          },
          {
            "kind": "voice",
            "text": "Voice conversations."
          },
          {
            "kind": "deep-research",
            "text": "Deep research (where available)."
          },
          {
            "kind": "file-analysis",
            "text": "File uploads and analysis."
          },
          {
            "kind": "custom-assistants",
            "text": "Creating custom GPTs."
          },
          {
            "kind": "coding-agent",
            "text": "Codex coding agent with Plus limits."
          },
          {
            "kind": "projects",
            "text": "Projects and tasks."
          },
          {
            "kind": "priority-access",
            "text": "Priority access at busy times; no ads."
          }
        ],
        "note": "Limits are the newest published ones found (May 2026)."
      }
    },
    {
      "id": "chatgpt-pro-100",
      "aliases": [],
      "provider": "openai",
      "product": "ChatGPT",
      "displayName": "ChatGPT Pro ($100 tier)",
      "pricingUrl": "https://openai.com/chatgpt/pricing/",
      "prices": [
        {
          "effectiveFrom": "2026-04-09",
          "billing": "monthly",
          "usdPerMonth": 100,
          "source": "https://help.openai.com/en/articles/6825453-chatgpt-release-notes",
          "via": "https://pas7.com.ua/blog/en/openai-chatgpt-limits-tightened-2026",
          "sourceDate": "2026-04-09",
          "checked": "2026-11-27",
          "note": "The April 9, 2026 release notes introduce \"a new $100 Pro tier\" between Plus and the $200 Pro tier."
        }
      ],
      "terms": {
        "asOf": "2026-05-05",
        "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
        "via": "https://ai.zenken.co.jp/en/post/chatgpt-usage/",
        "sourceDate": "2026-05-05",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "text",
            "text": "GPT-5.5 Instant and Thinking are near-unlimited (subject to abuse guardrails); heavy reasoning and Codex get about 5x the Plus quota.",
            "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
            "via": "https://ai.zenken.co.jp/en/post/chatgpt-usage/",
            "sourceDate": "2026-05-05",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "gpt-5.5",
            "role": "primary",
            "servedAs": "GPT-5.5 Instant / Thinking",
            "why": "Pro serves the same GPT-5.5 models as Plus with higher limits."
          },
          {
            "model": "gpt-5.5-pro",
            "role": "reasoning",
            "servedAs": "GPT-5.5 Pro",
            "why": "Pro adds GPT-5.5 Pro, which the API sells as gpt-5.5-pro."
          }
        ],
        "includes": [
          {
            "kind": "image-generation",
            "text": "Image generation with higher limits."
          },
          {
            "kind": "voice",
            "text": "Voice conversations."
          },
          {
            "kind": "deep-research",
            "text": "Deep research with higher limits."
          },
          {
            "kind": "coding-agent",
            "text": "Codex with about 5x Plus usage."
          },
          {
            "kind": "priority-access",
            "text": "Priority access; no ads."
          }
        ],
        "note": "OpenAI describes the $100 tier as for week-long serious work; numbers are third-party summaries of OpenAI's help pages."
      }
    },
    {
      "id": "chatgpt-pro-200",
      "aliases": [
        "chatgpt-pro"
      ],
      "provider": "openai",
      "product": "ChatGPT",
      "displayName": "ChatGPT Pro ($200 tier)",
      "pricingUrl": "https://openai.com/chatgpt/pricing/",
      "prices": [
        {
          "effectiveFrom": "2024-12-05",
          "billing": "monthly",
          "usdPerMonth": 200,
          "source": "https://theagenttimes.com/articles/openai-extends-2x-codex-usage-promotion-for-pro-subscribers--57acae17",
          "sourceDate": "2026-04-09",
          "checked": "2026-11-27",
          "note": "A news article (The Agent Times), not OpenAI, quoting OpenAI on 2026-04-09: \"Our existing $200 Pro tier still remains our highest usage option.\" effectiveFrom is the Pro launch date in OpenAI's launch post (https://openai.com/index/introducing-chatgpt-pro/), which was not re-read for this table."
        }
      ],
      "terms": {
        "asOf": "2026-05-05",
        "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
        "via": "https://ai.zenken.co.jp/en/post/chatgpt-usage/",
        "sourceDate": "2026-05-05",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "text",
            "text": "GPT-5.5 Instant, Thinking and Pro are near-unlimited (subject to abuse guardrails); heavy reasoning and Codex get about 20x the Plus quota.",
            "source": "https://help.openai.com/en/articles/11909943-gpt-5-5-in-chatgpt",
            "via": "https://ai.zenken.co.jp/en/post/chatgpt-usage/",
            "sourceDate": "2026-05-05",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "gpt-5.5",
            "role": "primary",
            "servedAs": "GPT-5.5 Instant / Thinking",
            "why": "Pro serves the same GPT-5.5 models as Plus with near-unlimited use."
          },
          {
            "model": "gpt-5.5-pro",
            "role": "reasoning",
            "servedAs": "GPT-5.5 Pro",
            "why": "Pro adds GPT-5.5 Pro, which the API sells as gpt-5.5-pro."
          }
        ],
        "includes": [
          {
            "kind": "image-generation",
            "text": "Image generation with the highest limits."
          },
          {
            "kind": "voice",
            "text": "Voice conversations."
          },
          {
            "kind": "deep-research",
            "text": "The largest deep research allowance."
          },
          {
            "kind": "coding-agent",
            "text": "Codex with about 20x Plus usage."
          },
          {
            "kind": "priority-access",
            "text": "Priority access; no ads."
          }
        ],
        "note": "Numbers are third-party summaries of OpenAI's help pages (May 2026)."
      }
    },
    {
      "id": "claude-free",
      "aliases": [],
      "provider": "anthropic",
      "product": "Claude",
      "displayName": "Claude Free",
      "pricingUrl": "https://claude.com/pricing",
      "prices": [
        {
          "effectiveFrom": "2023-07-11",
          "billing": "monthly",
          "usdPerMonth": 0,
          "source": "https://support.anthropic.com/en/articles/8324991-about-claude-pro-usage",
          "checked": "2026-11-27",
          "note": "The support page describes Pro as \"at least five times the usage ... compared to our free service\". The start date (claude.ai opened to the public, free, with Claude 2 on 2023-07-11) is from Anthropic's launch post (https://www.anthropic.com/news/claude-2), which was not re-read for this table."
        }
      ],
      "terms": {
        "asOf": "2026-06-16",
        "source": "https://support.anthropic.com/en/articles/8324991-about-claude-pro-usage",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "text",
            "text": "No number is published: Free limits vary with demand. Pro promises at least five times the Free usage per 5-hour session, which puts Free at roughly 9 short messages per 5 hours (derived, not published).",
            "source": "https://support.anthropic.com/en/articles/8324991-about-claude-pro-usage",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "claude-sonnet-5",
            "role": "primary",
            "servedAs": "Claude Sonnet (current)",
            "why": "The free plan serves the current Sonnet model; Sonnet 5 is the newest Sonnet in the sources read (July 2026)."
          }
        ],
        "includes": [
          {
            "kind": "web-search",
            "text": "Web search."
          },
          {
            "kind": "file-analysis",
            "text": "File uploads and analysis."
          }
        ],
        "note": "The support pages read show no date; asOf is the date of the newest report read that repeats their terms (India Today, 2026-06-16: Pro \"promises at least five times the usage of the free version\"; weekly caps since late August 2025). sourceDate is approximate: the support page read shows no date; its wording matches the 2026 version (\"model or feature you use\")."
      }
    },
    {
      "id": "claude-pro",
      "aliases": [
        "claude"
      ],
      "provider": "anthropic",
      "product": "Claude",
      "displayName": "Claude Pro",
      "pricingUrl": "https://claude.com/pricing",
      "prices": [
        {
          "effectiveFrom": "2023-09-07",
          "billing": "monthly",
          "usdPerMonth": 20,
          "source": "https://claude.com/pricing",
          "sourceDate": "2026-06-10",
          "checked": "2026-11-27",
          "note": "$20/month billed monthly on claude.com/pricing as checked by a third party on 2026-06-10 (nesyona.com). effectiveFrom is the launch date in Anthropic's launch post (https://www.anthropic.com/news/claude-pro), which was not re-read for this table.",
          "via": "https://nesyona.com/articles/claude-pro-annual-vs-monthly-billing-2026"
        },
        {
          "effectiveFrom": "2026-06-10",
          "billing": "annual",
          "usdPerYear": 200,
          "source": "https://claude.com/pricing",
          "via": "https://nesyona.com/articles/claude-pro-annual-vs-monthly-billing-2026",
          "sourceDate": "2026-06-10",
          "checked": "2026-11-27",
          "note": "Shown as \"$17/month billed annually\", charged as $200 up front (200/12 = $16.67 a month). The date the annual option began is not in the sources read; effectiveFrom is the earliest date a source shows it."
        }
      ],
      "terms": {
        "asOf": "2026-06-16",
        "source": "https://support.anthropic.com/en/articles/8324991-about-claude-pro-usage",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "messages",
            "label": "all Claude usage (chat and Claude Code share it)",
            "messages": 45,
            "windowHours": 5,
            "scope": "all",
            "atLeast": true,
            "assumes": "\"If your conversations are relatively short (approximately 200 English sentences ...) and use a less compute-intensive model, you can expect to send around 45 messages every five hours, often more.\"",
            "effect": "blocked-until-reset",
            "source": "https://support.anthropic.com/en/articles/8324991-about-claude-pro-usage",
            "checked": "2026-11-27"
          },
          {
            "kind": "text",
            "text": "Anthropic may also apply weekly and monthly caps and model- or feature-specific limits at its discretion. Extra usage past the limit can be bought at API rates if enabled.",
            "source": "https://support.anthropic.com/en/articles/8324991-about-claude-pro-usage",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "claude-sonnet-5",
            "role": "primary",
            "servedAs": "Claude Sonnet (current)",
            "why": "claude.ai's default model is the current Sonnet; Sonnet 5 is the newest in the sources read."
          },
          {
            "model": "claude-opus-5",
            "role": "reasoning",
            "servedAs": "Claude Opus with extended thinking",
            "why": "Pro includes Opus; extended thinking is billed as output tokens on the API."
          }
        ],
        "includes": [
          {
            "kind": "coding-agent",
            "text": "Claude Code in the terminal and IDE, sharing the plan's limits."
          },
          {
            "kind": "projects",
            "text": "Projects, with cached project documents."
          },
          {
            "kind": "deep-research",
            "text": "Research mode."
          },
          {
            "kind": "web-search",
            "text": "Web search."
          }
        ],
        "note": "The support pages read show no date; asOf is the date of the newest report read that repeats their terms (India Today, 2026-06-16: Pro \"promises at least five times the usage of the free version\"; weekly caps since late August 2025). Claude does not generate images. Limits depend on conversation length, so the 45-message figure is a floor for short chats, not a ceiling. A separate monthly Agent SDK credit (equal to the plan price) was announced for 2026-06-15 and postponed that day; it is not counted here."
      }
    },
    {
      "id": "claude-max-5x",
      "aliases": [
        "claude-max"
      ],
      "provider": "anthropic",
      "product": "Claude",
      "displayName": "Claude Max 5x",
      "pricingUrl": "https://claude.com/pricing",
      "prices": [
        {
          "effectiveFrom": "2025-04-09",
          "billing": "monthly",
          "usdPerMonth": 100,
          "source": "https://1395.topnews.com/en/technology/?article=4286117812992276668-e87dc2f1a246d4d70b&period=3h&thread=4286117812992276668",
          "sourceDate": "2026-06-16",
          "checked": "2026-11-27",
          "note": "A news article, not Anthropic: India Today (2026-06-16), read through the aggregator 1395.topnews.com: \"In April 2025, Anthropic introduced the Max 5x and Max 20x plans, priced at $100 and $200 per month\"; also support.anthropic.com article 11049744 (\"Max 5x: $100 per month\"; web price, mobile may differ). Max is sold monthly only. The day (April 9) is from Anthropic's launch post (https://www.anthropic.com/news/max-plan), which was not re-read for this table."
        }
      ],
      "terms": {
        "asOf": "2026-06-16",
        "source": "https://support.anthropic.com/en/articles/11014257-about-claude-s-max-plan-usage",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "messages",
            "label": "all Claude usage (chat and Claude Code share it)",
            "messages": 225,
            "windowHours": 5,
            "scope": "all",
            "atLeast": true,
            "assumes": "\"If your conversations are relatively short ... you can expect to send at least 225 messages every 5 hours.\"",
            "effect": "blocked-until-reset",
            "source": "https://support.anthropic.com/en/articles/11014257-about-claude-s-max-plan-usage",
            "checked": "2026-11-27"
          },
          {
            "kind": "text",
            "text": "More than 50 five-hour sessions a month may be limited; weekly caps may apply.",
            "source": "https://support.anthropic.com/en/articles/11014257-about-claude-s-max-plan-usage",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "claude-opus-5",
            "role": "primary",
            "servedAs": "Claude Opus (current)",
            "why": "Max is bought mainly for heavier Opus use; Opus 5 is the newest Opus in the sources read."
          },
          {
            "model": "claude-sonnet-5",
            "role": "fallback",
            "servedAs": "Claude Sonnet (current)",
            "why": "Sonnet stretches the same limits further."
          }
        ],
        "includes": [
          {
            "kind": "coding-agent",
            "text": "Claude Code with 5x Pro usage."
          },
          {
            "kind": "deep-research",
            "text": "Research mode."
          },
          {
            "kind": "priority-access",
            "text": "Priority access to new features."
          }
        ],
        "note": "The support pages read show no date; asOf is the date of the newest report read that repeats their terms (India Today, 2026-06-16: Pro \"promises at least five times the usage of the free version\"; weekly caps since late August 2025). The 225-message figure is a floor for short chats, not a ceiling. A separate monthly Agent SDK credit (equal to the plan price) was announced for 2026-06-15 and postponed that day; it is not counted here."
      }
    },
    {
      "id": "claude-max-20x",
      "aliases": [],
      "provider": "anthropic",
      "product": "Claude",
      "displayName": "Claude Max 20x",
      "pricingUrl": "https://claude.com/pricing",
      "prices": [
        {
          "effectiveFrom": "2025-04-09",
          "billing": "monthly",
          "usdPerMonth": 200,
          "source": "https://1395.topnews.com/en/technology/?article=4286117812992276668-e87dc2f1a246d4d70b&period=3h&thread=4286117812992276668",
          "sourceDate": "2026-06-16",
          "checked": "2026-11-27",
          "note": "A news article, not Anthropic: India Today (2026-06-16), read through the aggregator 1395.topnews.com: \"In April 2025, Anthropic introduced the Max 5x and Max 20x plans, priced at $100 and $200 per month\"; also support.anthropic.com article 11049744 (\"Max 20x: $200 per month\"; web price, mobile may differ). Max is sold monthly only. The day (April 9) is from Anthropic's launch post (https://www.anthropic.com/news/max-plan), which was not re-read for this table."
        }
      ],
      "terms": {
        "asOf": "2026-06-16",
        "source": "https://support.anthropic.com/en/articles/11014257-about-claude-s-max-plan-usage",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "messages",
            "label": "all Claude usage (chat and Claude Code share it)",
            "messages": 900,
            "windowHours": 5,
            "scope": "all",
            "atLeast": true,
            "assumes": "\"If your conversations are relatively short ... at least 900 messages every 5 hours.\"",
            "effect": "blocked-until-reset",
            "source": "https://support.anthropic.com/en/articles/11014257-about-claude-s-max-plan-usage",
            "checked": "2026-11-27"
          },
          {
            "kind": "text",
            "text": "More than 50 five-hour sessions a month may be limited; weekly caps may apply.",
            "source": "https://support.anthropic.com/en/articles/11014257-about-claude-s-max-plan-usage",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "claude-opus-5",
            "role": "primary",
            "servedAs": "Claude Opus (current)",
            "why": "Max is bought mainly for heavier Opus use; Opus 5 is the newest Opus in the sources read."
          },
          {
            "model": "claude-sonnet-5",
            "role": "fallback",
            "servedAs": "Claude Sonnet (current)",
            "why": "Sonnet stretches the same limits further."
          }
        ],
        "includes": [
          {
            "kind": "coding-agent",
            "text": "Claude Code with 20x Pro usage."
          },
          {
            "kind": "deep-research",
            "text": "Research mode."
          },
          {
            "kind": "priority-access",
            "text": "Priority access to new features."
          }
        ],
        "note": "The support pages read show no date; asOf is the date of the newest report read that repeats their terms (India Today, 2026-06-16: Pro \"promises at least five times the usage of the free version\"; weekly caps since late August 2025). The 900-message figure is a floor for short chats, not a ceiling. A separate monthly Agent SDK credit (equal to the plan price) was announced for 2026-06-15 and postponed that day; it is not counted here."
      }
    },
    {
      "id": "google-ai-plus",
      "aliases": [],
      "provider": "google",
      "product": "Gemini",
      "displayName": "Google AI Plus",
      "pricingUrl": "https://one.google.com/about/google-ai-plans/",
      "prices": [
        {
          "effectiveFrom": "2026-05-19",
          "billing": "monthly",
          "usdPerMonth": 7.99,
          "source": "https://hellomarvisaitoday.com/articles/5ab7768d-7e49-4fd0-9e93-979850e27b44",
          "sourceDate": "2026-05-19",
          "checked": "2026-11-27",
          "note": "A news report, not Google: THE DECODER's report (2026-05-19) of Google's I/O 2026 announcement, read through a copy on hellomarvisaitoday.com: \"Google AI Plus at $7.99 per month\". AI Plus reached the US earlier in 2026 (date not found; one report gives $4.99, probably a launch promotion), so effectiveFrom is the earliest date a source read shows the US price. Google's own announcement was not read."
        }
      ],
      "terms": {
        "asOf": "2026-05-19",
        "source": "https://techjacksolutions.com/ai-brief/subsidy-to-squeeze-cycle-google-ai-ultra-repricing-ai-platform-economics/",
        "sourceDate": "2026-05-19",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "text",
            "text": "Since 2026-05-19 Gemini limits are compute-based (prompt complexity, features, chat length), refresh every 5 hours up to a weekly ceiling, and are not published as message counts. Past the limit Gemini switches to smaller models; pay-as-you-go credits are offered for some tools.",
            "source": "https://agenticdaily.ai/articles/google-launches-100-ai-ultra-plan-with-5x-usage-limits",
            "sourceDate": "2026-05-19",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "gemini-3.5-flash",
            "role": "primary",
            "servedAs": "Gemini 3.5 Flash",
            "why": "Gemini 3.5 Flash became the default model in the Gemini app at I/O 2026."
          },
          {
            "model": "gemini-3.1-pro-preview",
            "role": "reasoning",
            "servedAs": "Gemini Pro (Thinking)",
            "why": "The Pro model in the app's picker; the newest Gemini Pro priced on the API in the sources read."
          }
        ],
        "includes": [
          {
            "kind": "storage",
            "text": "200 GB Google One storage."
          },
          {
            "kind": "image-generation",
            "text": "Image generation with higher limits than free."
          }
        ],
        "note": "Storage and features as reported on 2026-05-19."
      }
    },
    {
      "id": "google-ai-pro",
      "aliases": [
        "gemini-advanced",
        "google-one-ai-premium"
      ],
      "provider": "google",
      "product": "Gemini",
      "displayName": "Google AI Pro",
      "pricingUrl": "https://one.google.com/about/google-ai-plans/",
      "prices": [
        {
          "effectiveFrom": "2025-05-20",
          "billing": "monthly",
          "usdPerMonth": 19.99,
          "source": "https://www.frontiernews.ai/news/article/googles-new-gemini-pricing-tiers-reveal-a-massive-6ac7aef3",
          "sourceDate": "2025-05-20",
          "checked": "2026-11-27",
          "note": "A news report (frontiernews.ai), not Google: at I/O 2025 Google renamed Google One AI Premium (also $19.99/month, e.g. on 2025-04-14) to Google AI Pro at $19.99/month; unchanged at I/O 2026 (THE DECODER, 2026-05-19). The start date of the AI Premium price is not in the sources read, so there is no earlier record. Google's own announcement was not read."
        }
      ],
      "terms": {
        "asOf": "2026-05-19",
        "source": "https://techjacksolutions.com/ai-brief/subsidy-to-squeeze-cycle-google-ai-ultra-repricing-ai-platform-economics/",
        "sourceDate": "2026-05-19",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "text",
            "text": "Since 2026-05-19 limits are compute-based, refresh every 5 hours up to a weekly ceiling, and are not published as counts (before that: 100 Gemini Pro prompts a day). Past the limit Gemini switches to smaller models.",
            "source": "https://techjacksolutions.com/ai-brief/subsidy-to-squeeze-cycle-google-ai-ultra-repricing-ai-platform-economics/",
            "sourceDate": "2026-05-19",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "gemini-3.5-flash",
            "role": "primary",
            "servedAs": "Gemini 3.5 Flash",
            "why": "The Gemini app's default model since I/O 2026."
          },
          {
            "model": "gemini-3.1-pro-preview",
            "role": "reasoning",
            "servedAs": "Gemini Pro (Thinking)",
            "why": "The Pro model in the app's picker; the newest Gemini Pro priced on the API in the sources read."
          }
        ],
        "includes": [
          {
            "kind": "storage",
            "text": "5 TB Google One storage (raised from 2 TB at I/O 2026)."
          },
          {
            "kind": "deep-research",
            "text": "More Deep Research."
          },
          {
            "kind": "video-generation",
            "text": "Video generation in Flow."
          },
          {
            "kind": "coding-agent",
            "text": "Jules coding agent and higher AI Studio limits."
          },
          {
            "kind": "bundled-service",
            "text": "Gemini in Gmail, Docs and other Workspace apps; YouTube Premium Lite in some countries."
          }
        ],
        "note": "Storage and features as reported on 2026-05-19."
      }
    },
    {
      "id": "google-ai-ultra-100",
      "aliases": [],
      "provider": "google",
      "product": "Gemini",
      "displayName": "Google AI Ultra ($99.99 tier)",
      "pricingUrl": "https://one.google.com/about/google-ai-plans/",
      "prices": [
        {
          "effectiveFrom": "2026-05-19",
          "billing": "monthly",
          "usdPerMonth": 99.99,
          "source": "https://www.milik.ai/articles/e49f9f0315",
          "sourceDate": "2026-05-19",
          "checked": "2026-11-27",
          "note": "A news report (milik.ai), not Google, of Google's I/O 2026 changes: \"AI Ultra starts at USD 99.99\", with 5x the Pro usage limit (agenticdaily.ai). Google's own announcement was not read."
        }
      ],
      "terms": {
        "asOf": "2026-05-19",
        "source": "https://agenticdaily.ai/articles/google-launches-100-ai-ultra-plan-with-5x-usage-limits",
        "sourceDate": "2026-05-19",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "text",
            "text": "Compute-based limits at 5x Google AI Pro, refreshing every 5 hours up to a weekly ceiling; Google does not publish what 1x is.",
            "source": "https://agenticdaily.ai/articles/google-launches-100-ai-ultra-plan-with-5x-usage-limits",
            "sourceDate": "2026-05-19",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "gemini-3.1-pro-preview",
            "role": "primary",
            "servedAs": "Gemini Pro",
            "why": "Ultra is bought for heavier use of the Pro model."
          },
          {
            "model": "gemini-3.5-flash",
            "role": "fallback",
            "servedAs": "Gemini 3.5 Flash",
            "why": "The default model, and where Gemini switches past the limit."
          }
        ],
        "includes": [
          {
            "kind": "storage",
            "text": "20 TB Google One storage."
          },
          {
            "kind": "agent",
            "text": "Gemini Spark personal agent (beta, US)."
          },
          {
            "kind": "coding-agent",
            "text": "Priority access to Google Antigravity with 5x Pro limits."
          },
          {
            "kind": "bundled-service",
            "text": "YouTube Premium (individual)."
          }
        ],
        "note": "Features as reported on 2026-05-19."
      }
    },
    {
      "id": "google-ai-ultra",
      "aliases": [
        "google-ai-ultra-200"
      ],
      "provider": "google",
      "product": "Gemini",
      "displayName": "Google AI Ultra",
      "pricingUrl": "https://one.google.com/about/google-ai-plans/",
      "prices": [
        {
          "effectiveFrom": "2025-05-20",
          "effectiveUntil": "2026-05-19",
          "billing": "monthly",
          "usdPerMonth": 249.99,
          "source": "https://www.frontiernews.ai/news/article/googles-new-gemini-pricing-tiers-reveal-a-massive-6ac7aef3",
          "sourceDate": "2025-05-20",
          "checked": "2026-11-27",
          "note": "Introduced at I/O 2025 at $249.99/month, per a news report (frontiernews.ai); Google's announcement was not read."
        },
        {
          "effectiveFrom": "2026-05-19",
          "billing": "monthly",
          "usdPerMonth": 199.99,
          "source": "https://techjacksolutions.com/ai-brief/subsidy-to-squeeze-cycle-google-ai-ultra-repricing-ai-platform-economics/",
          "sourceDate": "2026-05-19",
          "checked": "2026-11-27",
          "note": "A news analysis (techjacksolutions.com), not Google, quoting Google's 2026-05-19 notice to subscribers: \"The base price dropped $50 per month, from $249.99 to $199.99.\""
        }
      ],
      "terms": {
        "asOf": "2026-05-19",
        "source": "https://techjacksolutions.com/ai-brief/subsidy-to-squeeze-cycle-google-ai-ultra-repricing-ai-platform-economics/",
        "sourceDate": "2026-05-19",
        "checked": "2026-11-27",
        "caps": [
          {
            "kind": "text",
            "text": "Compute-based limits at 20x Google AI Pro, refreshing every 5 hours up to a weekly ceiling; Google does not define what 1x is. Before 2026-05-19: 500 Gemini Pro prompts a day.",
            "source": "https://techjacksolutions.com/ai-brief/subsidy-to-squeeze-cycle-google-ai-ultra-repricing-ai-platform-economics/",
            "sourceDate": "2026-05-19",
            "checked": "2026-11-27"
          }
        ],
        "equivalentModels": [
          {
            "model": "gemini-3.1-pro-preview",
            "role": "primary",
            "servedAs": "Gemini Pro / Deep Think",
            "why": "Ultra is bought for the Pro model and Deep Think; Deep Think has no API price, so Gemini Pro is the closest priced model."
          },
          {
            "model": "gemini-3.5-flash",
            "role": "fallback",
            "servedAs": "Gemini 3.5 Flash",
            "why": "The default model, and where Gemini switches past the limit."
          }
        ],
        "includes": [
          {
            "kind": "storage",
            "text": "30 TB Google One storage."
          },
          {
            "kind": "agent",
            "text": "Gemini Spark, Project Mariner and Project Genie."
          },
          {
            "kind": "video-generation",
            "text": "Veo video generation in Flow."
          },
          {
            "kind": "coding-agent",
            "text": "Google Antigravity and Jules with the highest limits."
          },
          {
            "kind": "bundled-service",
            "text": "YouTube Premium (individual)."
          }
        ],
        "note": "The 25,000 monthly AI credits formerly included were dropped on 2026-05-19."
      }
    }
  ]
};
