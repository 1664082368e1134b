"""The API reference pages as data: an independent reader (Python's html.parser, none of the generator's code)
shared by Tools/coverage.py and Tools/loopback_cloud.py.

read_pages(docs) returns one Page per API page: its URI templates, parameters and top-level body fields, and its
JSON response examples.
"""

import json
import os
import re
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
