#!/usr/bin/env python3
"""Coverage of an OpenAPI export against the API reference pages it was made from.

An independent reading of the pages (Python's html.parser, none of the generator's code): it finds the API
pages (a "URI" section with METHOD /path lines), their parameter tables, the top-level request and response
body tables and the JSON response examples, and checks each against the OpenAPI document.

    python3 Tools/coverage.py                          # every service of spec/services.json
    python3 Tools/coverage.py <docs-dir> <openapi.json> [-v]

Prints lines such as `operations: 195/198 (98.5%)`; -v lists what is missing.
"""

import json
import os
import re
import sys
from html.parser import HTMLParser

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD")
URI_LINE = re.compile(r"^(GET|POST|PUT|DELETE|PATCH|HEAD)\s+(/\S*)$")
# Authentication and transport headers are the runtime's business, not the operation's.
RUNTIME_HEADERS = {"x-auth-token", "content-type", "authorization", "x-sdk-date", "host"}
NAME = re.compile(r"^[A-Za-z_][\w.:\-\[\]]*$")


# ---------------------------------------------------------------------------------------------------------
# Reading a page: a flat list of blocks (heading, text, table, code), in document order.

class PageReader(HTMLParser):
    BLOCK_TEXT = {"p", "li", "dt", "dd", "div", "span", "strong", "b", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []          # ("heading", text) | ("text", text) | ("table", caption, rows) | ("code", text)
        self.skip = 0
        self.heading = None
        self.pre = None
        self.tables = []          # stack of [caption, rows, current row, current cell, in caption]
        self.text = []

    def flush_text(self):
        text = re.sub(r"\s+", " ", "".join(self.text)).strip()
        self.text = []
        if text:
            self.blocks.append(("text", text))

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif self.pre is not None:
            return
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and not self.tables:
            self.flush_text()
            self.heading = []
        elif tag == "pre" and not self.tables:
            self.flush_text()
            self.pre = []
        elif tag == "table":
            if not self.tables:
                self.flush_text()
            self.tables.append({"caption": [], "rows": [], "row": None, "cell": None, "in_caption": False})
        elif self.tables:
            table = self.tables[-1]
            if tag == "caption":
                table["in_caption"] = True
            elif tag == "tr":
                table["row"] = []
            elif tag in ("td", "th") and table["row"] is not None:
                attributes = dict(attrs)
                table["cell"] = {"text": [], "header": tag == "th",
                                 "rowspan": int(attributes.get("rowspan") or 1) if (attributes.get("rowspan") or "1").isdigit() else 1}
            elif tag in ("br", "p", "li") and table["cell"] is not None:
                table["cell"]["text"].append("\n")
        elif tag in ("br", "p", "li", "div"):
            self.flush_text()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "pre" and self.pre is not None:
            self.blocks.append(("code", "".join(self.pre)))
            self.pre = None
        elif self.pre is not None:
            return
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.heading is not None:
            self.blocks.append(("heading", re.sub(r"\s+", " ", "".join(self.heading)).strip()))
            self.heading = None
        elif self.tables:
            table = self.tables[-1]
            if tag == "caption":
                table["in_caption"] = False
            elif tag in ("td", "th") and table["cell"] is not None and table["row"] is not None:
                cell = table["cell"]
                table["row"].append((re.sub(r"[ \t\r\f\v]+", " ", "".join(cell["text"])).strip(), cell["header"],
                                     cell["rowspan"]))
                table["cell"] = None
            elif tag == "tr" and table["row"] is not None:
                table["rows"].append(table["row"])
                table["row"] = None
            elif tag == "table":
                self.tables.pop()
                caption = re.sub(r"\s+", " ", "".join(table["caption"])).strip()
                if not self.tables:
                    self.blocks.append(("table", caption, expand_rowspans(table["rows"])))
        elif tag in ("p", "li", "div"):
            self.flush_text()

    def handle_data(self, data):
        if self.skip:
            return
        if self.pre is not None:
            self.pre.append(data)
        elif self.heading is not None:
            self.heading.append(data)
        elif self.tables:
            table = self.tables[-1]
            if table["in_caption"]:
                table["caption"].append(data)
            elif table["cell"] is not None:
                table["cell"]["text"].append(data)
        else:
            self.text.append(data)


def expand_rowspans(rows):
    """Rows as lists of (text, is_header), with row-spanned cells repeated in the rows they cover."""
    expanded, carried = [], {}
    for row in rows:
        out, column, cells = [], 0, list(row)
        while cells or column in carried:
            if column in carried:
                text, header, left = carried[column]
                out.append((text, header))
                if left > 1:
                    carried[column] = (text, header, left - 1)
                else:
                    del carried[column]
            else:
                text, header, span = cells.pop(0)
                out.append((text, header))
                if span > 1:
                    carried[column] = (text, header, span - 1)
            column += 1
        expanded.append(out)
    return expanded


def section_kind(heading):
    """What a heading starts: uri, request, response, example-request, example-response, samples, other,
    or None for headings that only introduce a table ("Table 2 describes ...", "x Field Description")."""
    h = heading.lower()
    if h.startswith("table ") or "field description" in h:
        return None
    if h.startswith("uri"):
        return "uri"
    if "example" in h or h.startswith("sample"):
        if "request" in h:
            return "example-request"
        if "response" in h:
            return "example-response"
        return "samples"
    if h.startswith("request"):
        return "request"
    if h.startswith("response") and "header" not in h:
        return "response"
    return "other"


def normalize_path(path):
    path = re.sub(r"\{\?[^}]*\}", "", path)
    path = path.split("?")[0].split("#")[0].replace(" ", "")
    return path.rstrip("/") or "/"


class Page:
    """What an API page documents, as this script reads it."""

    def __init__(self, name, blocks):
        self.name = name
        self.uris = []            # (METHOD, path)
        self.params = []          # (name, location or None)
        self.request_fields = []
        self.response_fields = []
        self.examples = []        # (status or None, parsed JSON)
        section, request_tables, response_tables = "other", [], []
        status, label = None, ""
        for block in blocks:
            if block[0] == "heading":
                kind = section_kind(block[1])
                if kind is not None:
                    section, status, label = kind, None, ""
                continue
            if block[0] == "text":
                text = block[1]
                if text == "URI":  # a few pages write the heading as a paragraph
                    section, status, label = "uri", None, ""
                    continue
                if section == "uri":
                    for line in text.split("\n"):
                        match = URI_LINE.match(line.strip())
                        if match:
                            self.uris.append((match.group(1), match.group(2)))
                found = re.search(r"status code:?\s*(\d{3})", text, re.I)
                if found:
                    status = int(found.group(1))
                label = text
                continue
            if block[0] == "code":
                if section == "uri":
                    for line in block[1].split("\n"):
                        match = URI_LINE.match(line.strip())
                        if match:
                            self.uris.append((match.group(1), match.group(2)))
                    continue
                is_response = section == "example-response" or (
                    section == "samples" and "response" in label.lower())
                if not is_response:
                    continue
                if re.search(r"\b(fail|failed|failure|error)\b", label, re.I) and status is None:
                    continue
                try:
                    value = json.loads(block[1])
                except ValueError:
                    continue
                if isinstance(value, (dict, list)):
                    self.examples.append((status, value))
                continue
            caption, rows = block[1], block[2]
            names = table_names(rows)
            if names is None:
                continue
            lowered = caption.lower()
            if "header" in lowered:
                self.params += [(n, "header") for n in names if n.lower() not in RUNTIME_HEADERS]
            elif section == "uri":
                location = "query" if "query" in lowered else "path" if "path" in lowered else None
                self.params += [(n, location) for n in names]
            elif "query" in lowered and section in ("request", "uri"):
                self.params += [(n, "query") for n in names]
            elif section == "request":
                request_tables.append(names)
            elif section == "response":
                response_tables.append(names)
        if request_tables:
            self.request_fields = request_tables[0]
        if response_tables:
            self.response_fields = response_tables[0]
        # URI tables without a location: a name in the path template is a path parameter, anything else query.
        templates = set()
        for _, path in self.uris:
            templates |= set(re.findall(r"\{([^}?]+)\}", normalize_path(path)))
        self.params = [(n, loc or ("path" if n in templates else "query")) for n, loc in self.params]
        self.params = list(dict.fromkeys(self.params))


def table_names(rows):
    """The first column of a parameter table (without its header row), or None for other tables."""
    if not rows:
        return None
    header = [text.lower() for text, _ in rows[0]]
    if not header or header[0] not in ("parameter", "name", "parameter name", "field"):
        return None
    names = []
    for row in rows[1:]:
        if not row:
            continue
        name = row[0][0].split("\n")[0].strip()
        if NAME.match(name) and name.lower() != "parameter":
            names.append(name)
    return list(dict.fromkeys(names))


def read_pages(docs):
    pages = []
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".html"):
            continue
        reader = PageReader()
        with open(os.path.join(docs, name), encoding="utf-8", errors="replace") as handle:
            reader.feed(handle.read())
        reader.flush_text()
        page = Page(name, reader.blocks)
        # An API page has one URI section documenting the operation (one path, or the same path under a few
        # versions); chapter overviews list many.
        if page.uris and len({m for m, _ in page.uris}) == 1 and len(page.uris) <= 3:
            pages.append(page)
    return pages


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
        while isinstance(schema, dict) and "$ref" in schema and depth < 50:
            schema = self.schemas.get(schema["$ref"].split("/")[-1], {})
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
                isinstance(value, float) and value.is_integer())
        elif kind == "number":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        elif kind == "boolean":
            ok = isinstance(value, bool)
        else:
            ok = True  # {} (any) and anything this subset does not constrain
        return ok or fail(stats, where, kind, value)


def fail(stats, where, expected, value):
    """Records the first mismatch of the current example; always False."""
    if stats.get("error") is None:
        stats["error"] = f"{where}: expected {expected}, found {json.dumps(value)[:40]}"
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
    counts = {k: [0, 0] for k in ("operations", "parameters", "request", "response", "examples", "typed")}
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
        for status, value in page.examples:
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
            else:
                stats["error"] = None
                ok = document.validate(value, schema, stats)
                tally("examples", ok, f"{page.name}: status {status}: {stats['error']}")
    for type_name, schema in sorted(document.schemas.items()):
        for name, prop in schema.get("properties", {}).items():
            tally("typed", concrete(prop, document), f"{type_name}.{name}")

    title = document.data.get("info", {}).get("title", openapi_file)
    lines = [
        f"{title} ({docs})",
        "  " + figure("operations", *counts["operations"]),
        "  " + figure("parameters", *counts["parameters"]),
        "  " + figure("request fields", *counts["request"]) + f" ({wrapped['request']} inside a one-field wrapper)",
        "  " + figure("response fields", *counts["response"]) + f" ({wrapped['response']} inside a one-field wrapper)",
        "  " + figure("examples valid", *counts["examples"]) + f" (+{empty_examples} empty examples not counted)",
        "  " + figure("example keys declared", stats["declared"], stats["keys"]),
        "  " + figure("typed properties", *counts["typed"]),
    ]
    if verbose:
        for key, items in missing.items():
            for item in items:
                lines.append(f"    missing {key}: {item}")
        for item in stats.get("undeclared", []):
            lines.append(f"    undeclared keys: {item}")
    return lines


def main(argv):
    verbose = "-v" in argv
    arguments = [a for a in argv if a != "-v"]
    if len(arguments) == 2:
        targets = [tuple(arguments)]
    elif not arguments:
        with open("spec/services.json", encoding="utf-8") as handle:
            services = json.load(handle)
        targets = [(s["docs"], f"spec/{s['name'].lower()}.openapi.json") for s in services]
    else:
        print(__doc__.strip())
        return 2
    for docs, openapi_file in targets:
        if not os.path.isdir(docs):
            print(f"docs folder not found: {docs}")
            return 1
        print("\n".join(measure(docs, openapi_file, verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
