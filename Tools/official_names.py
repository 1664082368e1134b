#!/usr/bin/env python3
"""The API names users know, by HTTP method and path: a table read from the official Huawei Cloud Python SDKs.

Operation ids users know are the names of the API Explorer and of the official SDKs (`ListServersDetails`,
`CinderAcceptVolumeTransfer`). Many pages carry no API name, so the generator looks a page's name up by method and
path in the committed table `spec/<service>.names.json`, which this script writes (standard library only; it needs
PyPI, through pip):

    python3 Tools/official_names.py [--service ecs ...] [--pin]    # download the SDKs, write the tables
    python3 Tools/official_names.py --check [--service ecs ...] [-v]  # how well the tables name the pages

`spec/official-sdks.json` lists, per docs folder (../shared/docs/<service>), the official PyPI packages
(`huaweicloudsdk<x>`) that document its API, in priority order. Each package is downloaded with pip into a
temporary folder (the newest version on PyPI, or with --pin the version the existing table records) and its client
sources are read as text, never imported: every `_<op>_http_info` method of `<x>_client.py` / `<x>_async_client.py`
in each API version folder (v1, v2, ...) builds `http_info = {"method": ..., "resource_path": ..., "response_type":
"<Name>Response"}`. Where one package gives several names to one method and path (batch `action` endpoints), each
entry also records `bodyKeys`, the top-level members of its request body, which tell them apart. Each package also
records the credentials its clients sign with first (`ClientBuilder(cls, "GlobalCredentials,…")`, else
`BasicCredentials`): the generator signs a service as the official SDK does, with the domain or with a project.

--check reads the pages with Tools/docpages.py and prints, per service, how many API pages find a name in the
table, how many find several, and, where the page carries an API name itself (the lower-case anchor in front of
its title, `<span id="createnotebook">`, or an UpperCamelCase file name), how often the table agrees.
"""

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile

from docpages import normalize_path, read_pages

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = os.path.join(ROOT, "spec", "official-sdks.json")
DOCS = os.path.join(os.path.dirname(ROOT), "shared", "docs")

# `<package>/v2/ecs_client.py`, `<package>/v2/ecs_async_client.py`: the clients of one API version.
CLIENT_FILE = re.compile(r"^(\w+)/(v\d+)/\w+_client\.py$")
HTTP_INFO_METHOD = re.compile(r"^_(\w+)_http_info$")
# `ClientBuilder(cls, "GlobalCredentials,BasicCredentials")`: the credentials a client signs with, preferred first;
# a client that names none signs with `BasicCredentials` (a project's).
CLIENT_BUILDER = re.compile(r'ClientBuilder\(\w+(?:,\s*"([\w,]+)")?\)')


def names_file(service):
    return os.path.join(ROOT, "spec", f"{service}.names.json")


def write_json(path, value):
    """Sorted keys, 2-space indent, trailing newline: the same table is the same bytes."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------------------------------
# PyPI, through pip.

def pip(*arguments):
    result = subprocess.run([sys.executable, "-m", "pip", *arguments, "--disable-pip-version-check"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"pip {' '.join(arguments)} failed:\n{result.stderr.strip()}")
    return result.stdout


def newest_version(package):
    # `pip index versions` prints `huaweicloudsdkecs (3.1.219)` first; it has no machine-readable format.
    output = pip("index", "versions", package)
    match = re.match(rf"^{re.escape(package)} \(([^)]+)\)", output.strip(), re.I)
    if not match:
        sys.exit(f"unexpected output of pip index versions {package}:\n{output}")
    return match.group(1)


def download(package, version, folder):
    """The package's wheel, downloaded into folder (the SDK packages publish wheels only)."""
    target = tempfile.mkdtemp(dir=folder)
    pip("download", "--no-deps", "--no-binary", ":none:", "--quiet", "-d", target, f"{package}=={version}")
    [archive] = os.listdir(target)
    if not archive.endswith(".whl"):
        sys.exit(f"{package} {version}: expected a wheel, pip downloaded {archive}")
    return os.path.join(target, archive)


def python_sources(wheel):
    """{member path: text} of the wheel's .py files, read from the archive in memory."""
    with zipfile.ZipFile(wheel) as bundle:
        return {name: bundle.read(name).decode("utf-8") for name in bundle.namelist() if name.endswith(".py")}


# ---------------------------------------------------------------------------------------------------------
# Reading a package's clients and models.

def constant_dict(node):
    """The string-keyed constant entries of a dict literal."""
    return {key.value: value.value for key, value in zip(node.keys, node.values)
            if isinstance(key, ast.Constant) and isinstance(value, ast.Constant)}


def assigned_dict(body, name):
    """The dict literal assigned to `name` among the statements of a function or class body, or None."""
    for statement in body:
        if (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Dict)
                and any(isinstance(target, ast.Name) and target.id == name for target in statement.targets)):
            return constant_dict(statement.value)
    return None


def client_operations(text, where):
    """(method, resource path, name) of each `_<op>_http_info` method of a client module."""
    operations = []
    for node in ast.walk(ast.parse(text)):
        match = isinstance(node, ast.FunctionDef) and HTTP_INFO_METHOD.match(node.name)
        if not match:
            continue
        info = assigned_dict(node.body, "http_info")
        if not info or "method" not in info or "resource_path" not in info:
            sys.exit(f"{where}: {node.name} builds no http_info with method and resource_path; a new layout?")
        response = info.get("response_type", "")
        name = (response.removesuffix("Response") if response.endswith("Response")
                else "".join(word[:1].upper() + word[1:] for word in match.group(1).split("_")))
        operations.append((info["method"].upper(), info["resource_path"], name))
    if not operations:
        sys.exit(f"{where}: no _<op>_http_info methods; a new layout?")
    return operations


class Models:
    """A version folder's model classes, found by name: `AddServerGroupMemberRequestBody` lives in
    `v2/model/add_server_group_member_request_body.py`; the file is found by its name without underscores, which is
    the class name lower-cased however the SDK's generator split the words."""

    def __init__(self, sources, folder):
        self.files = {}
        for path, text in sources.items():
            head, _, file = path.rpartition("/")
            if head == f"{folder}/model":
                self.files[file.removesuffix(".py").replace("_", "")] = text

    def class_dict(self, class_name, attribute):
        """A class-level dict literal (`openapi_types`, `attribute_map`) of a model class, or None."""
        text = self.files.get(class_name.lower())
        if text is None:
            return None
        for node in ast.parse(text).body:
            if isinstance(node, ast.ClassDef) and node.name == class_name:
                return assigned_dict(node.body, attribute)
        return None

    def body_keys(self, name):
        """The JSON members at the top of the request body of operation `name`, or None if it sends no object."""
        body_type = (self.class_dict(f"{name}Request", "openapi_types") or {}).get("body")
        if not isinstance(body_type, str):
            return None
        members = self.class_dict(body_type, "attribute_map")
        return sorted(members.values()) if members else None


def package_operations(package, wheel):
    """The table entries of one downloaded package, and the credentials its clients sign with first."""
    sources = python_sources(wheel)
    found = set()
    folders = set()
    credentials = set()
    for path, text in sources.items():
        match = CLIENT_FILE.match(path)
        if match and match.group(1) == package:
            version = match.group(2)
            credentials |= {(names or "BasicCredentials").split(",")[0] for names in CLIENT_BUILDER.findall(text)}
            folders.add(path.rsplit("/", 1)[0])
            found |= {(method, resource, name, version) for method, resource, name in client_operations(text, path)}
    if not found:
        sys.exit(f"{package}: no client modules in {os.path.basename(wheel)}")
    if len(credentials) != 1:
        sys.exit(f"{package}: its clients sign with {sorted(credentials) or 'no credentials found'}, expected one kind")
    # Several names on one method and path: record what their request bodies hold.
    shared = {}
    for method, resource, name, version in found:
        shared.setdefault((method, resource), set()).add(name)
    models = {folder.rsplit("/", 1)[1]: Models(sources, folder) for folder in folders}
    operations = []
    for method, resource, name, version in found:
        entry = {"method": method, "path": resource, "name": name, "package": package, "version": version}
        if len(shared[(method, resource)]) > 1:
            keys = models[version].body_keys(name)
            if keys:
                entry["bodyKeys"] = keys
        operations.append(entry)
    return operations, credentials.pop()


# ---------------------------------------------------------------------------------------------------------
# Writing the tables.

def load_config():
    with open(CONFIG, encoding="utf-8") as handle:
        return json.load(handle)["services"]


def pinned_versions(service):
    path = names_file(service)
    if not os.path.exists(path):
        sys.exit(f"--pin: {os.path.relpath(path, ROOT)} does not exist; run without --pin first")
    with open(path, encoding="utf-8") as handle:
        return {package["name"]: package["version"] for package in json.load(handle)["packages"]}


def generate(services, config, pin):
    newest, cached = {}, {}
    with tempfile.TemporaryDirectory(prefix="official-names-") as folder:
        for service in services:
            packages = config[service]["packages"]
            pins = pinned_versions(service) if pin and packages else {}
            table = {"packages": [], "operations": []}
            for package in packages:
                if pin:
                    if package not in pins:
                        sys.exit(f"--pin: {service}.names.json records no version of {package}")
                    version = pins[package]
                else:
                    if package not in newest:
                        newest[package] = newest_version(package)
                    version = newest[package]
                key = (package, version)
                if key not in cached:  # one package may serve several services (ecs for bms, eip for vpc)
                    cached[key] = package_operations(package, download(package, version, folder))
                operations, credentials = cached[key]
                table["packages"].append({"name": package, "version": version, "credentials": credentials})
                table["operations"] += operations
            table["operations"].sort(key=lambda o: (o["path"], o["method"], o["name"], o["package"], o["version"]))
            write_json(names_file(service), table)
            summary = (", ".join(f"{p['name']} {p['version']}" for p in table["packages"])
                       or config[service].get("why", ""))
            print(f"{service}: {len(table['operations'])} operations ({summary})")


# ---------------------------------------------------------------------------------------------------------
# --check: the tables against the pages.

# The anchors right before a site page's title: `<span id="createnotebook"></span><h1>` (quoted or not, minified
# or not).
TITLE_ANCHORS = re.compile(r"((?:<span id=\"?[^\"\s>]+\"?\s*>\s*</span>\s*)+)<h1[^>]*>(.*?)</h1>", re.S)
ANCHOR_ID = re.compile(r"<span id=\"?([^\"\s>]+)")
# An export page named after its API (`CreateNotebook.html`).
API_FILE_NAME = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z0-9]*$")
VERSION = re.compile(r"^v\d+(\.\d+)?$")


def page_api_name(docs, page):
    """The API name a page carries itself, lower-cased, or None. As the generator reads it: an UpperCamelCase file
    name, or an anchor before the title made of lower-case letters and digits (topic codes such as
    `en-us-topic-0065817704` or `evs-04-3040` are not names), at least 4 long and not merely the title's words."""
    stem = os.path.basename(page.name).removesuffix(".html")
    if API_FILE_NAME.match(stem):
        return stem.lower()
    with open(os.path.join(docs, page.name), encoding="utf-8", errors="replace") as handle:
        found = TITLE_ANCHORS.search(handle.read())
    if not found:
        return None
    title = re.sub(r"[^a-z0-9]", "", re.sub(r"<[^>]*>|¶", "", found.group(2)).lower())
    for anchor in ANCHOR_ID.findall(found.group(1)):
        if re.fullmatch(r"[a-z][a-z0-9]{3,}", anchor) and anchor != title:
            return anchor
    return None


def path_keys(path):
    """The forms of a path under which a page and an SDK entry are the same API, strictest first:
    1. as written, except that placeholder names never matter (`{id}` is `{server_id}`), nor do a trailing slash,
       a query, or a `.0` minor version (`/v2.0/` is `/v2/`);
    2. without what one side may write and the other not: a service word before the version (`/mysql/v3/x` is
       `/v3/x`) and the project segment right after it (`/v1/{project_id}/x` is `/v1/x`);
    3. that, with the major version only (`/v2.1/x` is `/v2/x`): another release of the same API.
    A different major version is another API, and is never matched."""
    written = [segment for segment in normalize_path(path).split("/") if segment]
    segments = ["{}" if segment.startswith("{") else re.sub(r"^(v\d+)\.0$", r"\1", segment) for segment in written]
    keys = ["/" + "/".join(segments)]
    if len(segments) > 1 and segments[0] != "{}" and VERSION.match(segments[1]):
        written, segments = written[1:], segments[1:]
    start = 1 if segments and VERSION.match(segments[0]) else 0
    if start < len(segments) and segments[start] == "{}" and re.search(r"project|tenant", written[start]):
        del written[start], segments[start]
    keys.append("/" + "/".join(segments))
    if start:
        segments[0] = segments[0].split(".")[0]
    keys.append("/" + "/".join(segments))
    return keys


class NameIndex:
    """A service's table as lookups: per strictness and per package (in priority order), method + path key →
    {name: the top-level request body members that tell it apart, if recorded}."""

    def __init__(self, table):
        self.order = [package["name"] for package in table["packages"]]
        self.tiers = [{package: {} for package in self.order} for _ in range(3)]
        for operation in table["operations"]:
            for tier, key in enumerate(path_keys(operation["path"])):
                names = self.tiers[tier][operation["package"]].setdefault((operation["method"], key), {})
                names.setdefault(operation["name"], set()).update(operation.get("bodyKeys", []))

    def names(self, page):
        """The candidate names of a page: those of the strictest match of one of its (method, path) lines, from the
        first package that has one; among names that share the path, those whose request body members the page's
        body has most of (when the body rules them all out, looser matches are tried). Returns (names, whether the
        body narrowed them)."""
        body = page_body_keys(page)
        for tier, lookups in enumerate(self.tiers):
            for package in self.order:
                found = {}
                for method, path in page.uris:
                    for name, keys in lookups[package].get((method, path_keys(path)[tier]), {}).items():
                        found.setdefault(name, set()).update(keys)
                names, narrowed = by_body(found, body)
                if names:
                    return names, narrowed
        return set(), False


def page_body_keys(page):
    """The top-level members of a page's request body: its body table and its request examples."""
    keys = set(page.request_fields)
    for example in page.request_examples:
        if isinstance(example.body, dict):
            keys |= set(example.body)
    return keys


def by_body(candidates, body):
    """Several names on one path: keep those sharing the most body members with the page. Names whose bodies were
    not recorded, or a page that shows no body, leave the candidates as they are."""
    if len(candidates) < 2 or not body or not all(candidates.values()):
        return set(candidates), False
    shared = {name: len(keys & body) for name, keys in candidates.items()}
    best = max(shared.values())
    return {name for name, count in shared.items() if count == best and count}, True


def check(services, verbose):
    rows = []
    for service in services:
        path = names_file(service)
        if not os.path.exists(path):
            sys.exit(f"{os.path.relpath(path, ROOT)} does not exist; run without --check first")
        with open(path, encoding="utf-8") as handle:
            index = NameIndex(json.load(handle))
        docs = os.path.join(DOCS, service, "site")
        pages = read_pages(docs)
        matched = by_body_count = ambiguous = named = agree = 0
        for page in pages:
            names, narrowed = index.names(page)
            api_name = page_api_name(docs, page)
            matched += bool(names)
            by_body_count += narrowed and len(names) == 1
            ambiguous += len(names) > 1
            if names and api_name:
                named += 1
                agree += api_name in {name.lower() for name in names}
            if verbose and not names:
                print(f"  {service}: no name: {page.name}: {' '.join(' '.join(uri) for uri in page.uris)}")
            elif verbose and len(names) > 1:
                print(f"  {service}: several: {', '.join(sorted(names))}: {page.name}")
            elif verbose and api_name and api_name not in {name.lower() for name in names}:
                print(f"  {service}: page says {api_name}, table {', '.join(sorted(names))}: {page.name}")
        rows.append((service, len(pages), matched, by_body_count, ambiguous, named, agree))

    def share(part, whole):
        return f"{100 * part / whole:5.1f}%" if whole else "     -"

    def line(label, pages, matched, by_body_count, ambiguous, named, agree):
        print(f"{label:<10} {pages:>5} {matched:>7} {share(matched, pages)} {by_body_count:>7} {ambiguous:>5} "
              f"{named:>5} {agree:>5} {share(agree, named)}")

    print(f"{'service':<10} {'pages':>5} {'matched':>7} {'':>6} {'by body':>7} {'ambig':>5} {'named':>5} "
          f"{'agree':>5}")
    for row in rows:
        line(*row)
    line("total", *[sum(column) for column in list(zip(*rows))[1:]])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--service", action="append", help="a docs folder name (repeatable; default: all)")
    parser.add_argument("--pin", action="store_true", help="the package versions the existing tables record")
    parser.add_argument("--check", action="store_true", help="measure the tables against the pages; write nothing")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="with --check: list the pages without a name, with several, and with another one")
    options = parser.parse_args()
    config = load_config()
    services = options.service or sorted(config)
    unknown = [service for service in services if service not in config]
    if unknown:
        parser.error(f"not in {os.path.relpath(CONFIG, ROOT)}: {', '.join(unknown)}")
    start = time.monotonic()
    if options.check:
        check(services, options.verbose)
    else:
        generate(services, config, options.pin)
    print(f"{time.monotonic() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
