#!/usr/bin/env node
// The CLI's launcher is cli/bin.cjs (the package's bin); this path stays for scripts and tests that call it.
import './bin.cjs';
