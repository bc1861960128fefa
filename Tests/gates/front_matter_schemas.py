"""The JSON Schemas editors' tools read (schemas/), checked against what hubsite reads:

- site.yml and every content file of this repository validate against their schema, and each
  names it on its first line ("# yaml-language-server: $schema=…") with a path that exists;
- the files `hubsite new hub` and `hubsite new page` write validate too;
- the shared cases of Tests/Fixtures/front-matter/: valid/ validates, invalid/ is rejected, and
  hubsite-only/ validates (mistakes a schema cannot see). HubSiteTests/FrontMatterSchemaTests.swift
  builds the same files with hubsite, so the two cannot drift apart.

YAML is read as editors' tools read it (YAML 1.2: "2025-12-16" is text, not a date).
"""
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
CASES = ROOT / "Tests" / "Fixtures" / "front-matter"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


class EditorsLoader(yaml.SafeLoader):
    """YAML 1.2's core schema, as editors' tools read it: "2025-12-16" and "16:00" are text
    (YAML 1.1 made them a date and the number 960), and only true and false are booleans."""


EditorsLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
):
    EditorsLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def validator(kind):
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def front_matter(path):
    """The YAML of site.yml, or between a content file's two --- lines."""
    text = path.read_text()
    if path.suffix == ".yml":
        return text
    lines = text.split("\n")
    end = lines.index("---", 1)
    return "\n".join(lines[1:end])


def problems(path, kind):
    data = yaml.load(front_matter(path), Loader=EditorsLoader) or {}
    return [f"{'/'.join(map(str, error.path)) or '(top)'}: {error.message}" for error in validator(kind).iter_errors(data)]


def kind_of_case(path):
    return path.name.split("-")[0]


def kind_of_content(path):
    return "site" if path.name == "site.yml" else "hub" if path.parent.name == "hubs" else "page"


def modeline_problem(path, site=ROOT):
    """None when the file's YAML starts by naming its schema in `site`'s schemas/."""
    match = MODELINE.match(front_matter(path).split("\n")[0])
    if not match:
        return "its YAML does not start with # yaml-language-server: $schema=…"
    expected = (site / "schemas" / f"{kind_of_content(path)}.schema.json").resolve()
    return None if (path.parent / match.group(1)).resolve() == expected else f"names {match.group(1)}, not schemas/{expected.name}"


def check_cases():
    """(failures, counts) over the shared cases."""
    failures, counts = [], {}
    for folder, must_pass in (("valid", True), ("invalid", False), ("hubsite-only", True)):
        cases = sorted((CASES / folder).glob("*-*.*"))
        counts[folder] = len(cases)
        for case in cases:
            found = problems(case, kind_of_case(case))
            if must_pass and found:
                failures.append(f"{folder}/{case.name}: the schema rejects it: {found[0]}")
            if not must_pass and not found:
                failures.append(f"{folder}/{case.name}: the schema accepts it, but hubsite rejects it")
    return failures, counts


def check_repository(hubsite):
    """(failures, files checked): site.yml, content/, and what `hubsite new` writes."""
    failures = []
    files = [ROOT / "site.yml"] + sorted((ROOT / "content").rglob("*.md"))
    for path in files:
        for problem in problems(path, kind_of_content(path)) + [p for p in [modeline_problem(path)] if p]:
            failures.append(f"{path.relative_to(ROOT)}: {problem}")
    with tempfile.TemporaryDirectory() as folder:
        site = pathlib.Path(folder)
        shutil.copy(ROOT / "site.yml", site / "site.yml")
        for command in (["new", "hub", "West Midlands Maths Hub", "--region", "West Mids"], ["new", "page", "funding"]):
            out = subprocess.run([hubsite, *command], cwd=site, capture_output=True, text=True)
            if out.returncode != 0:
                failures.append(f"hubsite {' '.join(command)} failed: {out.stderr.strip()}")
        for path in sorted((site / "content").rglob("*.md")):
            files.append(path)
            for problem in problems(path, kind_of_content(path)) + [p for p in [modeline_problem(path, site)] if p]:
                failures.append(f"written by hubsite new: {path.relative_to(site)}: {problem}")
    return failures, len(files)


def gate(record, hubsite):
    # The gate must be able to fail: a misspelt key and a made-up region are rejected.
    with tempfile.TemporaryDirectory() as folder:
        broken = pathlib.Path(folder) / "broken.md"
        broken.write_text("---\nname: Test Maths Hub\nregoin: Midlands\n---\n")
        if not problems(broken, "hub"):
            record("schemas", False, "a hub with a misspelt key passed its schema: the check cannot fail")
            return
    case_failures, counts = check_cases()
    repository_failures, checked = check_repository(hubsite)
    failures = case_failures + repository_failures
    detail = (f"{checked} files of the site and of `hubsite new` match their schemas and name them; "
              f"shared cases: {counts['valid']} valid, {counts['invalid']} rejected by both, "
              f"{counts['hubsite-only']} that only hubsite can see")
    record("schemas", not failures, "; ".join(failures) if failures else detail)
