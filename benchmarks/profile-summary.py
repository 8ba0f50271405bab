#!/usr/bin/env python3
"""Where a server's CPU samples fall: a JDK Flight Recorder recording's execution samples, grouped.

    benchmarks/profile-summary.py NAME RECORDING.jfr

Prints two tables: "self" (the component of each sample's top frame: where the CPU was spent)
and "inclusive" (the components anywhere on the stack: what the CPU was spent under), as shares
of all samples of the recording, plus KeyTriage's own top methods. Needs the JDK's jfr tool.
"""
import collections
import json
import subprocess
import sys

# first match wins: more specific prefixes first
COMPONENTS = [
    ("org.keytriage.", "KeyTriage"),
    ("org.glassfish.jersey.", "Jersey (JAX-RS)"),
    ("org.glassfish.grizzly.", "Grizzly (HTTP server)"),
    ("org.jboss.weld.", "Weld (CDI)"),
    ("org.glassfish.hk2.", "HK2"), ("org.jvnet.hk2.", "HK2"),
    ("org.glassfish.soteria.", "Jakarta Security"), ("jakarta.security.", "Jakarta Security"),
    ("com.sun.enterprise.security.", "Jakarta Security"), ("org.glassfish.exousia.", "Jakarta Security"),
    ("org.glassfish.epicyro.", "Jakarta Security"), ("com.sun.jaspic.", "Jakarta Security"),
    ("jdk.internal.net.http.", "JDK HttpClient"), ("java.net.http.", "JDK HttpClient"),
    ("org.apache.hc.", "Apache HttpClient"), ("org.slf4j.", "Apache HttpClient"),
    ("org.eclipse.parsson.", "JSON-P (Parsson)"), ("jakarta.json.", "JSON-P (Parsson)"),
    ("org.apache.catalina.", "Servlet container"), ("org.apache.coyote.", "Servlet container"),
    ("com.sun.enterprise.web.", "Servlet container"), ("org.glassfish.web.", "Servlet container"),
    ("org.glassfish.wasp.", "Servlet container"),
    ("com.hazelcast.", "Hazelcast"),
    ("fish.payara.", "Payara"), ("com.sun.enterprise.", "Payara"), ("org.glassfish.", "Payara"),
    ("java.util.concurrent.", "JDK concurrency"),
    ("sun.nio.", "JDK I/O"), ("java.nio.", "JDK I/O"), ("java.io.", "JDK I/O"), ("sun.net.", "JDK I/O"),
    ("java.lang.invoke.", "JDK reflection"), ("java.lang.reflect.", "JDK reflection"),
    ("jdk.internal.reflect.", "JDK reflection"),
    ("java.", "JDK other"), ("jdk.", "JDK other"), ("sun.", "JDK other"),
]


def component(type_name):
    for prefix, name in COMPONENTS:
        if type_name.startswith(prefix):
            return name
    return "other"


def frames(event):
    stack = event["values"].get("stackTrace") or {}
    for f in stack.get("frames") or []:
        m = f["method"]
        # JFR names most types with slashes (org/foo/Bar), hidden classes with dots
        yield m["type"]["name"].replace("/", "."), m["name"]


def main():
    name, recording = sys.argv[1], sys.argv[2]
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    total = len(events)
    if not total:
        print(f"{name}: no samples")
        return
    self_c, incl_c, own, top = (collections.Counter(), collections.Counter(), collections.Counter(),
                                collections.Counter())
    for e in events:
        stack = list(frames(e))
        if not stack:
            continue
        self_c[component(stack[0][0])] += 1
        if not stack[0][0].startswith("org.keytriage."):
            top[f"{stack[0][0].rsplit('.', 1)[-1]}.{stack[0][1]} ({component(stack[0][0])})"] += 1
        for c in {component(t) for t, _ in stack}:
            incl_c[c] += 1
        for t, m in stack:
            if t.startswith("org.keytriage."):
                own[f"{t.rsplit('.', 1)[-1]}.{m}"] += 1
                break
    print(f"\nProfile of {name}: {total:,} CPU samples (JFR, after the warm-up)\n")
    print("| component | self | inclusive |")
    print("| --- | ---: | ---: |")
    for c, n in sorted(incl_c.items(), key=lambda kv: -kv[1]):
        print(f"| {c} | {self_c[c] / total:.0%} | {n / total:.0%} |")
    print(f"\nKeyTriage's methods nearest the top of the stack ({name}):\n")
    for m, n in own.most_common(12):
        print(f"- {m}: {n / total:.1%}")
    print(f"\nTop frames outside KeyTriage ({name}):\n")
    for m, n in top.most_common(15):
        print(f"- {m}: {n / total:.1%}")


if __name__ == "__main__":
    main()
