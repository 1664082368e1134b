#!/usr/bin/env python3
"""Coverage of an OpenAPI export against the API reference pages it was made from.

An independent reading of the pages (Tools/docpages.py: Python's html.parser, none of the generator's code)
finds the API pages (a "URI" section with METHOD /path lines), their parameter tables, the top-level request and
response body tables and the JSON response examples; this script checks each against the OpenAPI document. A page
is matched to the operations whose x-source-page is its path relative to the docs folder
(`development_environment_management/creating_a_notebook_instance.html`; the bare file name in a flat folder).

    python3 Tools/coverage.py [--floors spec/coverage-floors.json]    # every service of spec/services.json
    python3 Tools/coverage.py <docs-dir> <openapi.json> [-v]

Prints lines such as `operations: 195/198 (98.5%)`; -v lists what is missing. With --readme README.md, checks that
the README's services table holds these figures (`--write` rewrites it). With --floors (a JSON object:
service title → figure → lowest share, as a fraction), exits 1 when a figure falls below its floor, so that a
regression of the reader fails CI.
"""

import json
import os
import sys
from decimal import Decimal

try:  # installed with openapi-spec-validator (.ci/run); the strict figure is skipped without it
    import jsonschema
except ImportError:  # pragma: no cover
    jsonschema = None

from docpages import METHODS, dump_json, normalize_path, read_pages


# ---------------------------------------------------------------------------------------------------------
# The OpenAPI side.

class Document:
    def __init__(self, data):
        self.data = data
        self.schemas = data.get("components", {}).get("schemas", {})
        self.by_page = {}
        for key, item in data.get("paths", {}).items():
            for method, operation in item.items():
                if method.upper() not in METHODS:
                    continue
                path = operation.get("x-path", key)
                entry = (method.upper(), normalize_path(path), operation)
                self.by_page.setdefault(operation.get("x-source-page"), []).append(entry)

    def resolve(self, schema, depth=0):
        schema = simplify(schema)
        while isinstance(schema, dict) and "$ref" in schema and depth < 50:
            schema = simplify(self.schemas.get(schema["$ref"].split("/")[-1], {}))
            depth += 1
        return schema if isinstance(schema, dict) else {}

    def property_names(self, schema):
        schema = self.resolve(schema)
        if schema.get("type") == "array":
            schema = self.resolve(schema.get("items", {}))
        return set(schema.get("properties", {}))

    def wrapped_names(self, schema):
        """Fields of the object inside a one-field body (`{"volume": {…}}`): OpenStack-style pages document
        those as the body's own fields, while the examples and the server wrap them."""
        properties = self.resolve(schema).get("properties", {})
        return self.property_names(next(iter(properties.values()))) if len(properties) == 1 else set()

    def validate(self, value, schema, stats, depth=0, where="$"):
        """Whether `value` fits `schema` (the subset the emitter writes); counts object keys declared at
        their position into stats["keys"] / stats["declared"]. Enums are open: their violations pass."""
        schema = self.resolve(schema)
        if depth > 60:
            return True
        if value is None:
            return True
        kind = schema.get("type")
        if kind == "object" or (kind is None and ("properties" in schema or "additionalProperties" in schema)):
            if not isinstance(value, dict):
                count_keys(value, stats)
                return fail(stats, where, "object", value)
            ok = True
            properties = schema.get("properties", {})
            extra = schema.get("additionalProperties")
            for key, member in value.items():
                stats["keys"] += 1
                if key in properties:
                    stats["declared"] += 1
                    ok = self.validate(member, properties[key], stats, depth + 1, f"{where}.{key}") and ok
                elif isinstance(extra, dict):
                    stats["declared"] += 1
                    ok = self.validate(member, extra, stats, depth + 1, f"{where}.{key}") and ok
                else:
                    ok = ok and extra is not False
                    stats.setdefault("undeclared", []).append(f"{stats.get('page')}: {where}.{key}")
                    count_keys(member, stats)
            return ok
        if kind == "array":
            if not isinstance(value, list):
                count_keys(value, stats)
                return fail(stats, where, "array", value)
            ok = True
            for index, element in enumerate(value):
                ok = self.validate(element, schema.get("items", {}), stats, depth + 1, f"{where}[{index}]") and ok
            return ok
        if isinstance(value, (dict, list)) and value:
            stats.setdefault("undeclared", []).append(f"{stats.get('page')}: {where} (below {kind or 'any'})")
        count_keys(value, stats)
        if kind == "string":
            ok = isinstance(value, str)
        elif kind == "integer":
            ok = (isinstance(value, int) and not isinstance(value, bool)) or (
                isinstance(value, Decimal) and value == value.to_integral_value())
        elif kind == "number":
            ok = isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
        elif kind == "boolean":
            ok = isinstance(value, bool)
        else:
            ok = True  # {} (any) and anything this subset does not constrain
        return ok or fail(stats, where, kind, value)


class StrictValidator:
    """The export's response schemas as a JSON Schema 2020-12 validator (Python `jsonschema`) reads them, as any
    generator or validator fed the export would: enums are as closed or open as the export states them, `null` is
    accepted only where the export says so, `required` is enforced. `$ref`s resolve inside the document."""

    def __init__(self, data):
        self.components = data.get("components", {})
        self.validators = {}

    def first_error(self, value, schema):
        """None when `value` validates against `schema`, otherwise the first error, as a sentence."""
        key = json.dumps(schema, sort_keys=True)
        validator = self.validators.get(key)
        if validator is None:
            root = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                    "components": self.components, "allOf": [schema]}
            validator = jsonschema.Draft202012Validator(root)
            self.validators[key] = validator
        error = next(iter(sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path).__repr__())), None)
        if error is None:
            return None
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        return f"{where}: {error.message[:120]}"


def simplify(schema):
    """The schema of a non-null value: `null` dropped from `type: [T, "null"]`, and the first non-null branch of an
    `anyOf` (an open enum's documented values, or the `$ref` of a nullable reference), its description kept."""
    if not isinstance(schema, dict):
        return schema
    if isinstance(schema.get("type"), list):
        kinds = [k for k in schema["type"] if k != "null"]
        schema = dict(schema, type=kinds[0]) if len(kinds) == 1 else {k: v for k, v in schema.items() if k != "type"}
    if isinstance(schema.get("anyOf"), list):
        branches = [b for b in schema["anyOf"] if not (isinstance(b, dict) and b.get("type") == "null")]
        if branches:
            outer = {k: v for k, v in schema.items() if k != "anyOf"}
            return simplify(dict(branches[0], **outer))
    return schema


def fail(stats, where, expected, value):
    """Records the first mismatch of the current example; always False."""
    if stats.get("error") is None:
        stats["error"] = f"{where}: expected {expected}, found {dump_json(value)[:40]}"
    return False


def count_keys(value, stats):
    """Keys below a position the schema does not describe: all undeclared."""
    if isinstance(value, dict):
        for member in value.values():
            stats["keys"] += 1
            count_keys(member, stats)
    elif isinstance(value, list):
        for element in value:
            count_keys(element, stats)


def concrete(schema, document, depth=0):
    schema = simplify(schema)
    if not isinstance(schema, dict) or depth > 10:
        return False
    if "$ref" in schema:
        return schema["$ref"].split("/")[-1] in document.schemas
    kind = schema.get("type")
    if kind == "array":
        return concrete(schema.get("items"), document, depth + 1)
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict) and "properties" not in schema:
        return concrete(schema["additionalProperties"], document, depth + 1)
    return kind is not None


# ---------------------------------------------------------------------------------------------------------

def figure(label, part, whole):
    percent = f"{100.0 * part / whole:.1f}%" if whole else "n/a"
    return f"{label}: {part}/{whole} ({percent})"


def measure(docs, openapi_file, verbose=False):
    with open(openapi_file, encoding="utf-8") as handle:
        document = Document(json.load(handle))
    pages = read_pages(docs)
    strict = StrictValidator(document.data) if jsonschema else None
    counts = {k: [0, 0] for k in ("operations", "parameters", "request", "response", "examples", "strict", "typed")}
    stats = {"keys": 0, "declared": 0}
    wrapped = {"request": 0, "response": 0}  # fields found inside a one-field wrapper body, not at the top
    missing = {k: [] for k in counts}

    def tally(key, ok, what):
        counts[key][1] += 1
        if ok:
            counts[key][0] += 1
        else:
            missing[key].append(what)

    empty_examples = 0
    for page in pages:
        documented = {(m, normalize_path(p)) for m, p in page.uris}
        candidates = document.by_page.get(page.name, [])
        match = next((c for c in candidates if (c[0], c[1]) in documented), None)
        tally("operations", match is not None, f"{page.name}: {sorted(documented)}")
        operation = match[2] if match else (candidates[0][2] if candidates else {})
        declared = {(p.get("name", "").lower(), p.get("in")) for p in operation.get("parameters", [])}
        for name, location in page.params:
            tally("parameters", (name.lower(), location) in declared, f"{page.name}: {location} {name}")
        # A response header the page documents is modelled when a response of the operation declares it (each name
        # once per page, whichever statuses list it).
        exported_headers = {name.lower() for response in operation.get("responses", {}).values()
                            for name in response.get("headers", {})}
        for name in dict.fromkeys(name for name, _, _ in page.response_headers):
            tally("parameters", name.lower() in exported_headers, f"{page.name}: response header {name}")
        body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        body_fields = document.property_names(body) if body else set()
        body_wrapped = document.wrapped_names(body) if body else set()
        param_names = {n for n, _ in declared}
        for name in page.request_fields:
            direct = name in body_fields or name.lower() in param_names
            wrapped["request"] += not direct and name in body_wrapped
            tally("request", direct or name in body_wrapped, f"{page.name}: {name}")
        responses = operation.get("responses", {})
        success = [(int(code), r) for code, r in responses.items() if code.isdigit() and 200 <= int(code) < 300]
        response_fields, response_wrapped = set(), set()
        for _, response in success:
            schema = response.get("content", {}).get("application/json", {}).get("schema")
            if schema:
                response_fields |= document.property_names(schema)
                response_wrapped |= document.wrapped_names(schema)
        for name in page.response_fields:
            wrapped["response"] += name not in response_fields and name in response_wrapped
            tally("response", name in response_fields or name in response_wrapped, f"{page.name}: {name}")
        for example in page.response_examples:
            status, value = example.status, example.value
            if status is not None and not 200 <= status < 300:
                continue
            if value in ({}, []):
                empty_examples += 1  # documents no field: nothing to validate, counted apart
                continue
            chosen = [r for code, r in success if status is None or code == status] or [r for _, r in success]
            schema = next((r.get("content", {}).get("application/json", {}).get("schema") for r in chosen
                           if r.get("content", {}).get("application/json", {}).get("schema")), None)
            stats["page"] = page.name
            if schema is None:
                stats.setdefault("undeclared", []).append(f"{page.name}: $ (no response schema)")
                count_keys(value, stats)
                tally("examples", False, f"{page.name}: no response schema for status {status}")
                if strict:
                    tally("strict", False, f"{page.name}: no response schema for status {status}")
            else:
                stats["error"] = None
                ok = document.validate(value, schema, stats)
                tally("examples", ok, f"{page.name}: status {status}: {stats['error']}")
                if strict:
                    error = strict.first_error(value, schema)
                    tally("strict", error is None, f"{page.name}: status {status}: {error}")
    for type_name, schema in sorted(document.schemas.items()):
        for name, prop in schema.get("properties", {}).items():
            tally("typed", concrete(prop, document), f"{type_name}.{name}")

    title = document.data.get("info", {}).get("title", openapi_file)
    figures = {
        "operations": counts["operations"], "parameters": counts["parameters"], "request fields": counts["request"],
        "response fields": counts["response"], "examples valid": counts["examples"],
        "example keys declared": [stats["declared"], stats["keys"]], "typed properties": counts["typed"],
    }
    if strict:
        figures["examples valid (strict)"] = counts["strict"]
    lines = [
        f"{title} ({docs})",
        "  " + figure("operations", *counts["operations"]),
        "  " + figure("parameters", *counts["parameters"]),
        "  " + figure("request fields", *counts["request"]) + f" ({wrapped['request']} inside a one-field wrapper)",
        "  " + figure("response fields", *counts["response"]) + f" ({wrapped['response']} inside a one-field wrapper)",
        "  " + figure("examples valid", *counts["examples"]) + f" (+{empty_examples} empty examples not counted)",
        *(["  " + figure("examples valid (strict)", *counts["strict"])
           + " (JSON Schema 2020-12: enums, nulls and required as the export states them)"] if strict else []),
        "  " + figure("example keys declared", stats["declared"], stats["keys"]),
        "  " + figure("typed properties", *counts["typed"]),
    ]
    if verbose:
        for key, items in missing.items():
            for item in items:
                lines.append(f"    missing {key}: {item}")
        for item in stats.get("undeclared", []):
            lines.append(f"    undeclared keys: {item}")
    return title, lines, figures


def below_floors(title, figures, floors):
    """The figures of `title` under their floor, as sentences."""
    if title not in floors:
        return [f"{title}: no floors in the floors file (every configured service has them)"]
    problems = []
    for name, floor in floors[title].items():
        if name not in figures:
            problems.append(f"{title}: {name} could not be measured (is jsonschema installed?)")
            continue
        part, whole = figures[name]
        share = part / whole if whole else 0.0
        if share < floor:
            problems.append(f"{title}: {name} {part}/{whole} ({100 * share:.1f}%) is below its floor of {100 * floor:.1f}%")
    return problems


README_COLUMNS = ["operations", "parameters", "request fields", "response fields", "examples valid (strict)",
                  "example keys declared"]
README_START = "<!-- services table: written by Tools/coverage.py --readme README.md --write -->"
README_END = "<!-- end of services table -->"


def readme_table(rows):
    """The README's table of services: per service its pages and the measured figures (count, and share where
    something is missing)."""
    def cell(part, whole):
        return f"{part}" if part == whole else f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "–"
    lines = ["| service | pages | " + " | ".join(README_COLUMNS) + " |",
             "|---|---|" + "---|" * len(README_COLUMNS)]
    for title, docs, figures in rows:
        values = [cell(*figures[name]) if name in figures else "–" for name in README_COLUMNS]
        lines.append(f"| {title} | `{docs}` | " + " | ".join(values) + " |")
    return "\n".join(lines)


def update_readme(path, table, write):
    """Checks that the block between README_START and README_END holds `table`; rewrites it with `write`. Returns
    a problem sentence or None."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return f"{path}: no services table block ({README_START} … {README_END})"
    block = README_START + "\n" + table + "\n" + README_END
    current = text[start:end + len(README_END)]
    if current == block:
        return None
    if write:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text[:start] + block + text[end + len(README_END):])
        return None
    return f"{path}: the services table is out of date (run: python3 Tools/coverage.py --readme {path} --write)"


def main(argv):
    verbose = "-v" in argv
    write = "--write" in argv
    arguments = [a for a in argv if a not in ("-v", "--write")]
    readme = None
    if "--readme" in arguments:
        index = arguments.index("--readme")
        readme = arguments[index + 1]
        del arguments[index:index + 2]
    floors = {}
    if "--floors" in arguments:
        index = arguments.index("--floors")
        with open(arguments[index + 1], encoding="utf-8") as handle:
            floors = json.load(handle)
        del arguments[index:index + 2]
    if len(arguments) == 2:
        targets = [tuple(arguments)]
    elif not arguments:
        with open("spec/services.json", encoding="utf-8") as handle:
            services = json.load(handle)
        targets = [(s["docs"], f"spec/{s['name'].lower()}.openapi.json") for s in services]
    else:
        print(__doc__.strip())
        return 2
    problems = []
    rows = []
    for docs, openapi_file in targets:
        if not os.path.isdir(docs):
            print(f"docs folder not found: {docs}")
            return 1
        title, lines, figures = measure(docs, openapi_file, verbose)
        print("\n".join(lines))
        problems += below_floors(title, figures, floors)
        rows.append((title, docs, figures))
    if readme:
        problem = update_readme(readme, readme_table(rows), write)
        problems += [problem] if problem else []
    for problem in problems:
        print(f"coverage regression: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
