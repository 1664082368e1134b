"""The API reference pages as data: an independent reader (Python's html.parser, none of the generator's code)
shared by Tools/coverage.py and Tools/loopback_cloud.py.

read_pages(docs) returns one Page per API page: its URI templates, parameters and top-level body fields, its
request examples (URL line and/or JSON body) and its JSON response examples with their status codes. JSON is read
with exact numbers (parse_json / dump_json) so that an example survives a round trip digit for digit.

It reads both layouts the pages are published in, telling them apart page by page: the flat export (one fragment
per API) and the documentation site (whole Sphinx pages with site chrome, in nested folders; minified or not).
A page is named by its path relative to the docs folder, which is the bare file name in the flat export.
"""

import decimal
import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD")
# Also with the path glued to the method ("GET/{api_version}").
URI_LINE = re.compile(r"^(GET|POST|PUT|DELETE|PATCH|HEAD)\s*(/\S*)$")
# The same after an endpoint placeholder ("GET https://{Endpoint}/v3/{project_id}/instances"): how some services
# write their URI line; others show example URLs of this form below the template in the URI section.
ENDPOINT_URI_LINE = re.compile(r"^(GET|POST|PUT|DELETE|PATCH|HEAD)\s+https?://\{[^}/\s]*\}(/\S*)$")
# Spaces a page printed inside a URI line where none belongs: inside a placeholder ("{begin _time}",
# "{?interface, service_id}") and after a query separator ("&limit={limit}& marker={marker}").
SPACE_IN_BRACES = re.compile(r"\{[^{}]*\s[^{}]*\}")
SPACE_AFTER_SEPARATOR = re.compile(r"([?&])\s+")
# Authentication and transport headers are the runtime's business, not the operation's.
RUNTIME_HEADERS = {"x-auth-token", "content-type", "authorization", "x-sdk-date", "host"}
NAME = re.compile(r"^[A-Za-z_][\w.:\-\[\]]*$")
# A request line in an example: a method and a URL whose scheme and host ("https://{endpoint}") are optional.
EXAMPLE_REQUEST_LINE = re.compile(r"^(GET|POST|PUT|DELETE|PATCH|HEAD)\s+(?:https?://[^/\s]*)?(/.*)$")
# What introduces a request in a "Samples" section that mixes requests and responses.
REQUEST_LABEL = re.compile(r"\b(sample|example)\s+(url\s+)?request|\brequest\s+(sample|example)", re.I)
# A paragraph that names an example the way a heading does ("Example request 1: ...", "Example normal response",
# "Response example"): some pages show their examples inside the Request and Response sections under such paragraphs.
EXAMPLE_HEADING = re.compile(r"^((sample|example)\s+(\w+\s+)?(request|response)|(request|response)\s+example)s?\b",
                             re.I)
# The caption of a response's header table ("Response header parameters", "Parameters in the response header");
# not an object type named after headers ("ResponseInfoHeader"), which a response body field refers to.
RESPONSE_HEADER_CAPTION = re.compile(r"\bheaders?\b")
# A header field as an example response shows it: "X-Subject-Token: MIIDkgYJ...".
HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(\S.*)$")
# The first header cell of a table of status codes.
STATUS_TABLE = re.compile(r"(\w+ )?status codes?|returned values?", re.I)
# What marks an example without a status code as an error response; pages that show the normal answer and the
# error answer give the error one after a bare "Or".
FAILURE_LABEL = re.compile(r"\b(fail|failed|failure|error|abnormal)\b|^or$", re.I)


# ---------------------------------------------------------------------------------------------------------
# Reading a page: a flat list of blocks (heading, text, table, code), in document order.

# Where a site page's content starts: what comes before it is site chrome, which the reader would drop.
CONTENT_START = re.compile(r"<div\b[^>]*\bid=[\"']?docs-content\b")


class ContentDone(Exception):
    """Raised by PageReader when a site page's content ends."""


class PageReader(HTMLParser):
    """A whole site page counts only inside its <div id="docs-content">: what comes before it (header, table of
    contents sidebar, breadcrumbs) is dropped when it opens, what follows it is ignored. A page without one (the
    export layout) counts whole."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []          # ("heading", text) | ("text", text) | ("table", caption, rows) | ("code", text)
        self.skip = 0
        self.headerlink = False   # inside the "¶" anchor that follows a heading or a caption
        self.content_depth = 0    # open <div>s of docs-content, itself included
        self.content_done = False
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
        if self.content_done:
            return
        if tag == "div" and self.content_depth:
            self.content_depth += 1
        elif tag == "div" and ("id", "docs-content") in attrs:
            self.blocks, self.text, self.content_depth = [], [], 1
            return
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split():
            self.headerlink = True
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
        if self.content_done:
            return
        if tag == "div" and self.content_depth:
            self.content_depth -= 1
            if not self.content_depth:
                self.flush_text()
                self.content_done = True
                raise ContentDone()  # the rest of the page is site chrome: not worth parsing
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "a" and self.headerlink:
            self.headerlink = False
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
        if self.skip or self.headerlink or self.content_done:
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
    """What a heading starts: uri, request, response, example-request, example-response, samples, status, other,
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
    if h.startswith(("status code", "returned value")):
        return "status"
    return "other"


def normalize_path(path):
    # Query expansions, also with pairs inside (`{?limit={limit}&marker={marker}}`), and a query glued on by `&`.
    while (start := path.find("{?")) >= 0:
        depth, end = 0, len(path)
        for index in range(start, len(path)):
            depth += {"{": 1, "}": -1}.get(path[index], 0)
            if depth == 0:
                end = index + 1
                break
        path = path[:start] + path[end:]
    path = path.split("?")[0].split("&")[0].split("#")[0].replace(" ", "")
    return path.rstrip("/") or "/"


@dataclass
class RequestLine:
    """The request line of an example: `GET https://{endpoint}/v2/{project_id}/datasets?limit=10`."""
    method: str
    path: str                 # without scheme, host and query; placeholders such as {project_id} kept
    query: str                # raw query string, without "?"


@dataclass
class RequestExample:
    index: int
    title: str                # the text line before the example (or the section heading)
    lines: list               # RequestLine: the URL lines shown for it (several when it exists per API version)
    body_text: str = None     # the body as written (None when the example shows none)
    body: object = None       # the body parsed by parse_json (None when absent or not valid JSON)


@dataclass
class ResponseExample:
    status: int               # None when the page does not say
    value: object             # parsed by parse_json: a dict or a list


class Page:
    """What an API page documents, as this module reads it."""

    def __init__(self, name, blocks):
        self.name = name
        self.uris = []            # (METHOD, path)
        self.params = []          # (name, location or None): what a request sends
        self.response_headers = []  # (name, status or None, type): the header tables of the response sections
        self.header_examples = {}   # header name (lower case) -> the value an example response shows for it
        self.request_fields = []
        self.response_fields = []
        self.response_examples = []
        self.statuses = set()     # status codes the page names ("Status code: 200" lines, status code tables)
        requests = RequestExampleCollector()
        endpoint_uris = []        # URI lines after an endpoint: the page's template only when it has no plain one
        methods_alone = []        # a URI section that gives only the method ("GET") leaves the path to the example
        stray_uris = []           # a paragraph that is only a URI line, outside any URI section ("API Format")
        section, request_tables, response_tables = "other", [], []
        status, label, heading = None, "", ""
        for block in blocks:
            if block[0] == "heading":
                kind = section_kind(block[1])
                if kind is not None:
                    section, status, label, heading = kind, None, "", block[1]
                continue
            if block[0] == "text":
                text = block[1]
                # Headings written as paragraphs; a mixed "Samples" section tells its examples apart by such labels.
                if text == "URI" or (EXAMPLE_HEADING.match(text) and section != "samples"):
                    section, status, label, heading = section_kind(text), None, text, text
                    continue
                if section == "uri":
                    self.read_uri_lines(text, endpoint_uris, methods_alone)
                elif section in ("other", "request") and len(text) < 300:
                    self.read_uri_lines(text, stray_uris)
                if is_request_example(section, label, text):
                    lines, _ = split_request_code(text)
                    if lines:  # a URL line written as a paragraph
                        requests.add(label or heading, lines, None)
                        continue
                # "Status code: 200" lines, and the bare codes some Status Codes sections list ("Normal", "202").
                found = re.search(r"status code:?\s*(\d{3})", text, re.I) or (
                    section == "status" and re.fullmatch(r"(\d{3})\b.*", text))
                if found:
                    status = int(found.group(1))
                    self.statuses.add(status)
                label = text
                continue
            if block[0] == "code":
                if section in ("example-response", "samples", "response"):
                    self.read_header_examples(block[1])
                if section == "uri":
                    self.read_uri_lines(block[1], endpoint_uris, methods_alone)
                    continue
                is_response = section == "example-response" or (
                    section == "samples" and "response" in label.lower())
                if not is_response:
                    if is_request_example(section, label, block[1]):
                        requests.add(label or heading, *split_request_code(block[1]))
                    continue
                if FAILURE_LABEL.search(label) and status is None:
                    continue
                try:
                    value = parse_json(block[1])
                except ValueError:
                    continue
                if isinstance(value, (dict, list)):
                    self.response_examples.append(ResponseExample(status, value))
                continue
            caption, rows = block[1] or label, block[2]  # a table without caption is named by the paragraph before it
            self.statuses |= status_table_codes(rows)
            names = table_names(rows)
            if names is None:
                continue
            lowered = caption.lower()
            # Runtime headers are left out of whatever parameter table lists them (some list X-Auth-Token among the
            # query parameters); a body may have a field of such a name (`host`).
            parameters = [n for n in names if n.lower() not in RUNTIME_HEADERS]
            in_response = section == "response" or "response" in lowered or heading.lower().startswith("response")
            if in_response and RESPONSE_HEADER_CAPTION.search(lowered):
                # What the response sends: by status (None: the page's success), not a parameter of the request.
                types = table_types(rows)
                self.response_headers += [(n, status, types.get(n, "")) for n in parameters]
            elif "header" in lowered and not (in_response and section == "response"):
                self.params += [(n, "header") for n in parameters]
            elif section == "uri":
                location = "query" if "query" in lowered else "path" if "path" in lowered else None
                self.params += [(n, location) for n in parameters]
            elif "query" in lowered and section in ("request", "uri"):
                self.params += [(n, "query") for n in parameters]
            elif section == "request":
                request_tables.append(names)
            elif section == "response" and (status is None or 200 <= status < 300):  # not an error body's table
                response_tables.append(names)
        self.request_examples = requests.examples
        self.uris = self.uris or endpoint_uris or [
            (line.method, line.path) for example in self.request_examples for line in example.lines
            if line.method in methods_alone][:1] or stray_uris[:1]
        if request_tables and self.uris and all(m in ("GET", "HEAD") for m, _ in self.uris):
            # A GET sends no body: the table a request section holds lists the query (and path) parameters.
            self.params += [(n, None) for n in request_tables[0] if n.lower() not in RUNTIME_HEADERS]
        elif request_tables:
            self.request_fields = request_tables[0]
        if response_tables:
            self.response_fields = response_tables[0]
        # URI tables without a location: a name in the path template is a path parameter, anything else query.
        templates = set()
        for _, path in self.uris:
            templates |= set(re.findall(r"\{([^}?]+)\}", normalize_path(path)))
        self.params = [(n, loc or ("path" if n in templates else "query")) for n, loc in self.params]
        self.params = list(dict.fromkeys(self.params))

    def documented_headers(self, status):
        """The response headers documented for `status` (those of no stated status count for any success), each
        name once: [(name, type)]."""
        found = {}
        for name, documented, kind in self.response_headers:
            if documented == status or (documented is None and 200 <= status < 300):
                found.setdefault(name.lower(), (name, kind))
        return list(found.values())

    def read_header_examples(self, text):
        """`Name: value` lines of an example response ("X-Subject-Token:MIIDkgYJ..."): the value shown for a
        header, read once the page's header tables are known (see header_example)."""
        for line in text.split("\n"):
            match = HEADER_LINE.match(line.strip())
            if match:
                self.header_examples.setdefault(match.group(1).lower(), match.group(2).strip())

    def read_uri_lines(self, text, endpoint_uris, methods_alone=None):
        for line in text.split("\n"):
            line = uri_line_text(line)
            if methods_alone is not None and line in METHODS:
                methods_alone.append(line)
            match = URI_LINE.match(line)
            if match:
                self.uris.append((match.group(1), match.group(2)))
            elif match := ENDPOINT_URI_LINE.match(line):
                endpoint_uris.append((match.group(1), match.group(2)))


def uri_line_text(line):
    """A line as a URI line reads, without the spaces printed where none belongs."""
    line = SPACE_IN_BRACES.sub(lambda match: re.sub(r"\s+", "", match.group(0)), line.strip())
    return SPACE_AFTER_SEPARATOR.sub(r"\1", line)


# ---------------------------------------------------------------------------------------------------------
# Request examples: URL lines and JSON bodies, alone or together, in code blocks or paragraphs.

def is_request_example(section, label, text):
    """Whether a block shows a request: anything in an example-request section; in a mixed "Samples" section
    only what a request label introduces or what starts with a request line."""
    if section == "example-request":
        return True
    if section != "samples":
        return False
    return bool(REQUEST_LABEL.search(label)) or bool(split_request_code(text)[0])


def parse_request_line(line):
    match = EXAMPLE_REQUEST_LINE.match(line.strip())
    if not match:
        return None
    # Spaces inside a URL, doubled slashes after the host and a doubled "?" are slips of the pages.
    target = re.sub(r"\s+", "", match.group(2))
    path, _, query = target.partition("?")
    return RequestLine(match.group(1), re.sub(r"/{2,}", "/", path), query.lstrip("?"))


def split_request_code(text):
    """The leading request lines of an example block and the text after them (the body, or None)."""
    lines = text.strip().split("\n")
    request_lines = []
    while lines:
        line = parse_request_line(lines[0])
        if line is None and lines[0].strip():
            break
        lines.pop(0)
        if line is not None:
            request_lines.append(line)
    rest = "\n".join(lines).strip()
    return request_lines, rest or None


class RequestExampleCollector:
    """Groups URL lines and bodies into examples. A body without its own URL line completes the URL-only example
    before it, or else repeats the last URL lines shown: pages often give one URL line for several titled
    bodies."""

    def __init__(self):
        self.examples = []
        self.lines = []

    def add(self, title, lines, body_text):
        if not lines and body_text is None:
            return
        last = self.examples[-1] if self.examples else None
        if lines or last is None or last.body_text is not None:
            self.lines = lines or self.lines
            last = RequestExample(len(self.examples), title, list(self.lines))
            self.examples.append(last)
        else:
            last.title = title
        if body_text is not None:
            last.body_text = body_text
            try:
                last.body = parse_json(body_text)
            except ValueError:
                pass  # not valid JSON: only body_text is kept


def status_table_codes(rows):
    """The codes of a status code table: "Status Code | Description", "Normal Status Code | ...", or "Returned
    Value | Description" with rows such as "400 Bad Request"."""
    if not rows or not rows[0] or not STATUS_TABLE.fullmatch(rows[0][0][0]):
        return set()
    codes = set()
    for row in rows[1:]:
        found = row and re.match(r"(\d{3})\b", row[0][0])
        if found:
            codes.add(int(found.group(1)))
    return codes


# ---------------------------------------------------------------------------------------------------------
# JSON with exact numbers: the pages' examples are compared and re-sent digit for digit.

def parse_json(text):
    """json.loads with every non-integer number as a Decimal (1.50 stays 1.50, 0.1 stays exact)."""
    return json.loads(text, parse_float=decimal.Decimal)


def dump_json(value):
    """json.dumps (default layout) that also writes a Decimal with the digits it was read with."""
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {dump_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(dump_json(v) for v in value) + "]"
    return json.dumps(value)


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


def page_blocks(html):
    """The blocks of a page (PageReader's), parsing a site page from where its content starts to where it ends."""
    reader = PageReader()
    start = CONTENT_START.search(html)
    try:
        reader.feed(html[start.start():] if start else html)
    except ContentDone:
        pass
    reader.flush_text()
    return reader.blocks


def table_types(rows):
    """The Type column of a parameter table by name ({} when it has none)."""
    header = [text.lower() for text, _ in rows[0]]
    column = next((i for i, title in enumerate(header) if title == "type" or title.endswith(" type")), None)
    if column is None:
        return {}
    return {row[0][0].split("\n")[0].strip(): row[column][0] for row in rows[1:] if len(row) > column}


def read_pages(docs):
    """The API pages of a folder and its subfolders, each named by its path relative to `docs` ("/"-separated,
    the name an OpenAPI export gives as x-source-page), in the order of those names."""
    names = []
    for folder, _, files in os.walk(docs):
        relative = os.path.relpath(folder, docs)
        names += [name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")
                  for name in files if name.endswith(".html")]
    pages = []
    for name in sorted(names):
        with open(os.path.join(docs, name), encoding="utf-8", errors="replace") as handle:
            page = Page(name, page_blocks(handle.read()))
        # An API page has one URI section documenting the operation (one path, or the same path under a few
        # versions); chapter overviews list many.
        if page.uris and len({m for m, _ in page.uris}) == 1 and len(page.uris) <= 3:
            pages.append(page)
    return pages
