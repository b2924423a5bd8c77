#!/usr/bin/env node
import { ZERO_USAGE } from "@tokenmeter/core";

process.stdout.write(`tokenmeter (in progress) ${Object.keys(ZERO_USAGE).length}\n`);
