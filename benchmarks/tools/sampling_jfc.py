#!/usr/bin/env python3
"""The JFR settings the benchmarks profile with: the JDK's "profile" settings, sampling five times as often (Java code
every 2 ms, native code every 4 ms), so that a run of a few seconds gives enough samples to split into phases.

Usage: sampling_jfc.py JDK_PROFILE_JFC > sampling.jfc
"""
import re
import sys

text = open(sys.argv[1]).read()
text = re.sub(r'(<event name="jdk.ExecutionSample">.*?<setting name="period"[^>]*>)[^<]*', r'\g<1>2 ms', text, flags=re.S)
text = re.sub(r'(<event name="jdk.NativeMethodSample">.*?<setting name="period"[^>]*>)[^<]*', r'\g<1>4 ms', text, flags=re.S)
print(text, end="")
