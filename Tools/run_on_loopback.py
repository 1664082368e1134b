#!/usr/bin/env python3
"""Runs a program that uses the SDK (an example) against the loopback cloud playing a scenario, then checks what the
cloud received: every request validly signed, every state-changing operation accepted exactly once, and every wait
ended in a state the scenario reaches (a scenario without lifecycles checks the signatures only).

    python3 Tools/run_on_loopback.py --docs <pages-dir> --scenario <scenario.json> -- <program> [arguments...]

The scenario is {"lifecycles": [...], "steps": [...]} in the loopback cloud's control formats (see
Tools/loopback_cloud.py). The program gets `--endpoint <loopback URL> --project-id <id>` after its own arguments,
and the loopback keys in HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK. Exit status: the program's, or 1 when a check fails.
"""

import argparse
import json
import os
import subprocess
import sys
import urllib.request

AK = "EXAMPLEACCESSKEYLOOPBACK"
SK = "example-loopback-secret-0123456789"
PROJECT = "example0project"


def control(base, method, resource, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{base}/__loopback/{resource}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def problems(log, scenario):
    """What is wrong with the requests the cloud received, as sentences."""
    found = [f"request {entry['seq']} ({entry['method']} {entry['path']}): signature {entry['signature']}"
             for entry in log if entry["signature"] != "valid"]
    transitions = {t["page"] for lifecycle in scenario["lifecycles"] for t in lifecycle["transitions"]}
    for page in sorted(transitions):
        accepted = [entry for entry in log if entry["page"] == page and 200 <= (entry["status"] or 0) < 300]
        if len(accepted) != 1:
            found.append(f"{page}: accepted {len(accepted)} times, expected once")
    shows = {lifecycle["show"] for lifecycle in scenario["lifecycles"]}
    states = [entry["state"] for entry in log if entry["page"] in shows and entry["state"] is not None]
    if shows and (not states or states[-1] != "<gone>"):
        found.append(f"the last poll did not find the resource gone (states polled: {states})")
    return found


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("program", nargs=argparse.REMAINDER)
    options = parser.parse_args(argv)
    program = options.program[1:] if options.program[:1] == ["--"] else options.program
    if not program:
        parser.error("no program to run")
    with open(options.scenario, encoding="utf-8") as file:
        scenario = json.load(file)

    here = os.path.dirname(os.path.abspath(__file__))
    cloud = subprocess.Popen(
        [sys.executable, os.path.join(here, "loopback_cloud.py"), "--docs", options.docs, "--ak", AK, "--sk", SK],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = cloud.stdout.readline().strip()
        if not line.startswith("listening "):
            print(f"the loopback cloud did not start: {line!r}", file=sys.stderr)
            return 1
        base = f"http://127.0.0.1:{line.split()[1]}"
        control(base, "POST", "lifecycles", {"lifecycles": scenario.get("lifecycles", [])})
        control(base, "POST", "script", {"steps": scenario.get("steps", [])})
        environment = dict(os.environ, HUAWEICLOUD_SDK_AK=AK, HUAWEICLOUD_SDK_SK=SK)
        status = subprocess.run(program + ["--endpoint", base, "--project-id", PROJECT], env=environment).returncode
        log = control(base, "GET", "requests")["requests"]
        print(f"the loopback cloud received {len(log)} requests:")
        for entry in log:
            state = f" -> {entry['state']}" if entry.get("state") else ""
            fault = f" [{entry['fault']}]" if entry.get("fault") else ""
            print(f"  {entry['method']} {entry['path']} {entry['status']}{fault}{state}")
        if status != 0:
            print(f"the program exited with status {status}", file=sys.stderr)
            return status
        found = problems(log, scenario)
        for problem in found:
            print(f"check failed: {problem}", file=sys.stderr)
        return 1 if found else 0
    finally:
        cloud.stdin.close()
        cloud.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
