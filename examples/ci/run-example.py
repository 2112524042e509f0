#!/usr/bin/python3
"""Runs the steps of a CI example (a GitHub Actions workflow or a .gitlab-ci.yml) on a project, as the CI would.

The project is copied into a fresh git repository (a checkout, as the CI makes one), each job's commands run there in
order with the variables the CI sets (GITHUB_ACTIONS, GITHUB_STEP_SUMMARY...; GITLAB_CI, CI_PROJECT_DIR...) and the
secrets given on the command line, and a webhook on 127.0.0.1 stands for the chat's. Steps that use an action are not
run, but the files they would read must exist: upload-sarif's sarif_file, upload-artifact's path, GitLab's
artifacts:reports. Then what the CI shows is checked: the job summary, the annotations, the Code Quality report, the
notifications. It exits 1 on the first thing that is not as docs/ci.md says.

  run-example.py github examples/ci/github-actions.yml examples/quickstart --secret NAME=@file --var NAME=value \
      --documented-in docs/ci.md
  run-example.py gitlab examples/ci/gitlab-ci.yml examples/quickstart --secret NAME=@file --var NAME=value
"""
import argparse
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ElementTree

import yaml

COMMAND = re.compile(r"^::(error|warning|notice)((?: [^:]*)?)::(.*)$")
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
GITLAB_KEYWORDS = {"default", "stages", "variables", "include", "workflow", "image", "services", "cache", "before_script", "after_script"}


def fail(message):
    print("run-example: " + message, file=sys.stderr)
    sys.exit(1)


class Webhook:
    """A chat webhook on this machine: records each POST."""

    def __init__(self):
        received = self.received = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                received.append({"path": self.path, "type": self.headers.get("Content-Type"), "body": json.loads(body)})
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:%d/hooks/T0/B0/webhook-token" % self.server.server_address[1]


def checkout(project):
    """The project as a CI checks it out: a git repository of its own, without build outputs."""
    repository = tempfile.mkdtemp(prefix="ci-example-")
    shutil.copytree(project, repository, dirs_exist_ok=True, ignore=shutil.ignore_patterns("target"))
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                    ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "checkout"]):
        subprocess.run(command, cwd=repository, check=True)
    return repository


def run(command, cwd, env, label):
    print("\n--- %s: %s" % (label, command), flush=True)
    process = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", command], cwd=cwd, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    print(process.stdout, end="", flush=True)
    if process.returncode != 0:
        fail("%s failed with exit code %d" % (label, process.returncode))
    return process.stdout


def check_annotations(output, repository, label):
    """Each workflow command is a line of its own, placed at a file of the repository; none hides behind a prefix."""
    commands = []
    for line in output.splitlines():
        if re.search(r"^\[(INFO|WARNING|ERROR)\] (\[stdout\] )?::(error|warning|notice)", line):
            fail("%s: a workflow command behind Maven's prefix, which the runner does not read: %s" % (label, line))
        match = COMMAND.match(line)
        if match:
            commands.append(match)
            for prop in match.group(2).strip().split(","):
                if prop.startswith("file=") and not os.path.isfile(os.path.join(repository, prop[5:].replace("%2C", ",").replace("%3A", ":"))):
                    fail("%s: an annotation placed at a file that is not in the repository: %s" % (label, line))
    return commands


class GitHub:
    def __init__(self, args, repository, webhook):
        self.args, self.repository, self.webhook = args, repository, webhook
        self.secrets = dict(args.secret)
        self.secrets.setdefault("SECURE_BUILD_NOTIFY_URL", webhook.url)
        self.vars = dict(args.var)

    def expand(self, text, where):
        def value(match):
            expression = match.group(1)
            scope, _, name = expression.partition(".")
            if scope == "secrets":
                return self.secrets.get(name, "")  # an unset secret is empty, as on GitHub
            if scope == "vars":
                if name not in self.vars:
                    fail("%s uses vars.%s: give it with --var %s=..." % (where, name, name))
                return self.vars[name]
            if expression == "github.run_id":
                return "4242"
            fail("%s uses ${{ %s }}, which this runner does not know" % (where, expression))
        return EXPRESSION.sub(value, str(text))

    def run(self):
        workflow = yaml.safe_load(open(self.args.file, encoding="utf-8"))
        summaries = []
        for job_name, job in workflow["jobs"].items():
            for index, step in enumerate(job["steps"], 1):
                label = "job %s, step %d (%s)" % (job_name, index, step.get("name", step.get("uses", "run")))
                if "uses" in step:
                    self.check_inputs(step, label)
                    continue
                summary = os.path.join(tempfile.mkdtemp(prefix="summary-"), "step-summary.md")
                open(summary, "w").close()
                env = dict(os.environ, CI="true", GITHUB_ACTIONS="true", GITHUB_WORKSPACE=self.repository, GITHUB_STEP_SUMMARY=summary, GITHUB_ACTOR="ci-example-actor",
                           GITHUB_RUN_ID="4242")
                for name, value in (step.get("env") or {}).items():
                    env[name] = self.expand(value, label)
                output = run(self.expand(step["run"], label), self.repository, env, label)
                check_annotations(output, self.repository, label)
                summaries.append((label, open(summary, encoding="utf-8").read()))
        for label, summary in summaries:
            for expected in ("## secure-build\n", "Release gate: GO"):
                if expected not in summary:
                    fail("%s: the job summary has no %r:\n%s" % (label, expected, summary))
            if len(summary.encode("utf-8")) > 1024 * 1024:
                fail("%s: the job summary is over GitHub's 1 MiB" % label)
        print("\nrun-example: %d run step(s) with their job summaries, annotations and action inputs as docs/ci.md says" % len(summaries))

    def check_inputs(self, step, label):
        inputs = step.get("with") or {}
        action = step["uses"].split("@")[0]
        paths = {"github/codeql-action/upload-sarif": "sarif_file", "actions/upload-artifact": "path"}
        if action not in paths:
            print("\n--- %s: not run here (an action)" % label, flush=True)
            return
        if action in paths:
            path = os.path.join(self.repository, self.expand(inputs[paths[action]], label))
            if not os.path.exists(path):
                fail("%s: %s reads %s, which the steps before did not write" % (label, action, inputs[paths[action]]))
            if action.endswith("upload-sarif"):
                sarif = json.load(open(path, encoding="utf-8"))
                if sarif.get("version") != "2.1.0":
                    fail("%s: %s is not SARIF 2.1.0" % (label, path))
        print("\n--- %s: not run here (an action); what it reads exists" % label, flush=True)


class GitLab:
    def __init__(self, args, repository, webhook):
        self.args, self.repository, self.webhook = args, repository, webhook
        self.variables = dict(args.secret)
        self.variables.update(args.var)
        self.variables.setdefault("SECURE_BUILD_NOTIFY_URL", webhook.url)

    def run(self):
        pipeline = yaml.safe_load(open(self.args.file, encoding="utf-8"))
        stages = pipeline.get("stages", ["build", "test", "deploy"])
        jobs = [(name, job) for name, job in pipeline.items() if name not in GITLAB_KEYWORDS and not name.startswith(".")]
        jobs.sort(key=lambda item: stages.index(item[1].get("stage", "test")))
        for name, job in jobs:
            env = dict(os.environ, CI="true", GITLAB_CI="true", CI_PROJECT_DIR=self.repository, CI_PIPELINE_ID="4242",
                       CI_COMMIT_BRANCH="main", CI_DEFAULT_BRANCH="main", GITLAB_USER_LOGIN="ci-example-actor")
            env.update(self.variables)
            for index, command in enumerate(job["script"], 1):
                run(command, self.repository, env, "job %s, script line %d" % (name, index))
            reports = ((job.get("artifacts") or {}).get("reports") or {})
            for kind, path in reports.items():
                file = os.path.join(self.repository, path)
                if not os.path.isfile(file):
                    fail("job %s: artifacts:reports:%s names %s, which the job did not write" % (name, kind, path))
                if kind == "codequality":
                    issues = json.load(open(file, encoding="utf-8"))
                    required = ("description", "check_name", "fingerprint", "severity", "location")
                    if not isinstance(issues, list) or any(not all(k in issue for k in required) for issue in issues):
                        fail("job %s: %s is not a Code Quality report (a list of issues with %s)" % (name, path, ", ".join(required)))
                    for issue in issues:
                        if not os.path.isfile(os.path.join(self.repository, issue["location"]["path"])):
                            fail("job %s: a Code Quality issue at a file that is not in the repository: %s" % (name, issue["location"]["path"]))
                if kind == "junit":
                    ElementTree.parse(file)
        print("\nrun-example: %d job(s) ran; their artifacts:reports exist and read as GitLab reads them" % len(jobs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ci", choices=["github", "gitlab"])
    parser.add_argument("file")
    parser.add_argument("project")
    pair = lambda text: (text.split("=", 1)[0], open(text.split("=", 1)[1][1:], encoding="utf-8").read()
                         if text.split("=", 1)[1].startswith("@") else text.split("=", 1)[1])
    parser.add_argument("--secret", type=pair, action="append", default=[], help="NAME=value or NAME=@file")
    parser.add_argument("--var", type=pair, action="append", default=[], help="NAME=value")
    parser.add_argument("--documented-in", help="a page that must show the file word for word, in a yaml code block")
    args = parser.parse_args()
    if args.documented_in:
        example = open(args.file, encoding="utf-8").read()
        if "```yaml\n" + example + "```" not in open(args.documented_in, encoding="utf-8").read():
            fail("%s does not show %s word for word: copy the file into its yaml code block" % (args.documented_in, args.file))
    repository = checkout(args.project)
    webhook = Webhook()
    (GitHub if args.ci == "github" else GitLab)(args, repository, webhook).run()
    # The project's gate used an exception: the webhook was told, with the event, never with the webhook's token.
    kinds = sorted({message["body"].get("kind") for message in webhook.received})
    if "exception-used" not in kinds:
        fail("the webhook received no exception-used notification; it received: %s" % kinds)
    if any(not message["body"].get("text") or message["type"] != "application/json" for message in webhook.received):
        fail("a notification without a text or not JSON: %s" % webhook.received)
    print("run-example: the webhook received %d notification(s): %s" % (len(webhook.received), ", ".join(kinds)))
    webhook.server.shutdown()
    shutil.rmtree(repository, ignore_errors=True)


if __name__ == "__main__":
    main()
