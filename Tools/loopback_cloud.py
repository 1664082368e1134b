#!/usr/bin/env python3
"""A loopback cloud for end-to-end tests: an HTTP server that answers every operation documented in a folder of API
reference pages with that page's own response example, after checking the request's AK/SK signature with the
official Huawei Cloud SDK signer (`pip install huaweicloudsdkcore`).

    python3 Tools/loopback_cloud.py --docs <pages-dir> --ak <AK> --sk <SK> [--port 0] [--host 127.0.0.1]
        [--security-token TOKEN] [--iam-user USER:PASSWORD@DOMAIN] [--project-id ID]
        [--tunnel-tls-cert CERT.pem --tunnel-tls-key KEY.pem]

Prints `listening <port>` once it accepts connections, then runs until SIGTERM/SIGINT or until its stdin reaches
EOF: the process that starts it keeps a pipe to its stdin open, so the server never outlives its test.

API requests (any path outside /__loopback/) are answered 401 when the signature is missing or wrong (or its
X-Sdk-Date is more than 15 minutes off the server's clock, or temporary keys come without their security token) or
when an X-Auth-Token was not issued here, 404 when no page documents the method and path, and otherwise with the
page's first 2xx (or status-less) response example, unless a scripted step applies. Every one is logged. The
answer carries the response headers the page documents for its status, each with the value the page's example
response shows ("X-Subject-Token:MIID..."), else one of its documented type ("example-content-range", "1").

A CONNECT request opens a tunnel to the server itself, so that it can stand in for a proxy (`HTTP_PROXY`). With
--tunnel-tls-cert/--tunnel-tls-key the tunnel carries TLS, as an HTTPS request through a proxy does
(`HTTPS_PROXY`): the server completes the handshake inside it with that certificate. The log's "tunnel" names the
CONNECT target and whether TLS was spoken inside ({"target": "host:443", "tls": true}), else null.

IAM (see loopback_iam.py): POST /v3/auth/tokens issues tokens to --iam-user; GET /v3/projects?name=<region>
names the --project-id project. Where the pages loaded document these requests (IAM's own reference) and no
--iam-user is given, they are answered as the pages document them, like any other API request.

Control API (unsigned, JSON):
    GET    /__loopback/cases      every API page (named by its path relative to --docs): method, path template,
                                  request examples, documented answer (status, body, headers)
    GET    /__loopback/requests   the log of API requests, in arrival order
    DELETE /__loopback/requests   clears the log, the script and the lifecycles
    POST   /__loopback/script     {"steps": [...]} queues steps; GET returns the steps still queued. With
                                  "clear": true it first clears as DELETE /__loopback/requests does
    POST   /__loopback/lifecycles {"lifecycles": [...]} adds lifecycles; GET returns them with their resources
                                  (current state, states still to show with the shows left, final state)
A step applies to the first API request (with a valid signature) that fits its optional "page" and "method", as
many times as its "times" (default 1):
    {"kind": "status", "status": 503, "retryAfter": "1", "body": {...}}    that status instead of the answer
    {"kind": "drop"}                                                       close the connection without an answer
    {"kind": "delay", "seconds": 2.5}                                      the usual answer, late
    {"kind": "respond", "status": 200, "body": {...}}                      this body instead of the example

A lifecycle makes a show operation report resource states that other operations move on, for testing waiters:
    {"show": "<page>",       a GET page; the last path parameter of its route names the resource
     "field": "status",      dotted path of the state in the show answer ("server.status")
     "id": "id",             optional: dotted path of a created resource's id in the answer of its create
     "transitions": [{"page": "<page>", "through": ["CREATING"], "to": "RUNNING", "polls": 1, "failWith": null}]}
A transition fires on a 2xx answer of its page (documented, or a respond or status step), for the resource its
path names or, when its route lacks that parameter (a create), the one whose id that answer gives. The resource
then shows each state of "through" to "polls" (default 1) successful shows, then "to" for good; "to": null means
deleted. "failWith" is reserved: only null is accepted. A show of a known resource gets its usual answer
(documented or respond step) with the state written at "field" (objects created as needed) and, where that answer
has a string at the "id" path, the resource's id there; a deleted one gets 404, unless a respond step applies.
Status steps and drops neither report a state nor use up a show. The log's "state" is the state a show reported
or a transition entered ("<gone>": deleted), else null.
"""

import argparse
import copy
import hmac
import os
import re
import signal
import socketserver
import ssl
import sys
import threading
import time
import traceback
import uuid
from dataclasses import dataclass
from decimal import Decimal
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import parse_qsl, unquote, urlsplit

from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer

from docpages import dump_json, normalize_path, parse_json, read_pages
from loopback_iam import IdentityService, security_token_problem, signing_time_problem

AUTHORIZATION = re.compile(r"^SDK-HMAC-SHA256\s+Access=([^,\s]*),\s*SignedHeaders=([^,\s]*),\s*Signature=(\S*)$")
SECRET_HEADERS = {"x-auth-token", "x-security-token"}
NO_BODY_STATUSES = {204, 304}


@dataclass
class ReceivedRequest:
    method: str
    path: str                 # raw (percent-encoded as received), without the query
    query: list               # (name, value) pairs, decoded, in received order
    headers: list             # (name, value) pairs as received
    body: bytes

    def header(self, name):
        """The first value of a header, whatever the case of its name; None when absent."""
        lowered = name.lower()
        return next((value for key, value in self.headers if key.lower() == lowered), None)

    def json_body(self):
        """The body as a JSON value, or None when there is none or it is not JSON."""
        try:
            return parse_json(self.body.decode("utf-8")) if self.body else None
        except ValueError:
            return None


# ---------------------------------------------------------------------------------------------------------
# Signature verification: the received request is signed again by the official SDK and the results compared.

class SignatureVerifier:
    def __init__(self, ak, sk, security_token=None):
        self.ak = ak
        self.security_token = security_token
        self._signer = Signer(SimpleNamespace(ak=ak, sk=sk))

    def verify(self, request):
        """`valid`, `missing` or `invalid: <reason>`; the reason never carries the secret or the expected signature."""
        authorization = request.header("Authorization")
        if authorization is None:
            return "missing"
        authorization = authorization.strip()
        match = AUTHORIZATION.match(authorization)
        if not match:
            return "invalid: Authorization is not 'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'"
        access, signed_headers, signature = match.groups()
        if not hmac.compare_digest(access.encode(), self.ak.encode()):
            return "invalid: unknown access key"
        names = signed_headers.split(";")
        if request.header("X-Sdk-Date") is None:
            return "invalid: no X-Sdk-Date header"
        if "x-sdk-date" not in names:
            return "invalid: X-Sdk-Date is not among the signed headers"
        problem = signing_time_problem(request.header("X-Sdk-Date")) or security_token_problem(
            request, names, self.security_token)
        if problem:
            return f"invalid: {problem}"
        header_params = {}
        for name in names:
            received = next(((key, value) for key, value in request.headers if key.lower() == name), None)
            if received is None:
                return f"invalid: signed header {name} was not sent"
            header_params[received[0]] = received[1]
        official = SdkRequest(method=request.method, schema="http", host=request.header("Host"),
                              resource_path=request.path, query_params=signer_query(request.query),
                              header_params=header_params, body=request.body or None)
        expected = self._signer.sign(official).header_params["Authorization"]
        _, expected_headers, expected_signature = AUTHORIZATION.match(expected).groups()
        if expected_headers != signed_headers:
            return f"invalid: SignedHeaders {signed_headers} differ from the official signer's {expected_headers}"
        if not hmac.compare_digest(expected_signature.encode(), signature.encode()):
            return "invalid: signature mismatch"
        if not hmac.compare_digest(expected.encode(), authorization.encode()):
            return "invalid: Authorization is not laid out as the official signer writes it"
        return "valid"


def signer_query(pairs):
    """The query as the official SDK holds it: a repeated name is one entry with a list value, and a list of integer
    literals holds ints, because the SDK sorts a typed integer list numerically when it signs."""
    grouped = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    params = []
    for name, values in grouped.items():
        if len(values) == 1:
            params.append((name, values[0]))
        elif all(re.fullmatch(r"-?\d+", v) and str(int(v)) == v for v in values):
            params.append((name, [int(v) for v in values]))
        else:
            params.append((name, values))
    return params


# ---------------------------------------------------------------------------------------------------------
# Routing: method and path to the page that documents them.

def path_segments(path):
    """A path's percent-decoded segments, a trailing slash ignored."""
    return [unquote(segment) for segment in (path.rstrip("/") or "/").split("/")]


class Route:
    """One documented URI of a page. `{name}` matches a non-empty part of one segment."""

    def __init__(self, page, method, template):
        self.page = page
        self.method = method
        self.template = template
        self.segments = []
        for segment in template.split("/"):
            pieces = re.split(r"\{([^}]+)\}", segment)  # literal, name, literal, name, ..., literal
            pattern = "".join(re.escape(piece) if i % 2 == 0 else "(.+)" for i, piece in enumerate(pieces))
            self.segments.append((re.compile(pattern), pieces[1::2]))
        self.rank = (sum(1 for _, names in self.segments if not names), len(template))

    def match(self, segments):
        """The path parameters when the decoded segments fit the template, else None."""
        if len(segments) != len(self.segments):
            return None
        parameters = {}
        for segment, (pattern, names) in zip(segments, self.segments):
            found = pattern.fullmatch(segment)
            if not found:
                return None
            for name, value in zip(names, found.groups()):
                parameters.setdefault(name, value)
        return parameters


class Router:
    def __init__(self, pages):
        self.routes = [Route(page, method, normalize_path(path)) for page in pages for method, path in page.uris]

    def route(self, method, path, body):
        """(page, path parameters) of the best route, or None. More literal segments win, then the longer
        template; pages that share a path (batch action endpoints) are told apart by the body."""
        segments = path_segments(path)
        matches = [(route, parameters) for route in self.routes if route.method == method
                   for parameters in [route.match(segments)] if parameters is not None]
        if not matches:
            return None
        best = max(route.rank for route, _ in matches)

        def preference(match):
            exact, shared = body_affinity(body, match[0].page)
            return (not exact, -shared, match[0].page.name)

        route, parameters = min((m for m in matches if m[0].rank == best), key=preference)
        return route.page, parameters


def body_affinity(body, page):
    """How well a body fits a page's request examples: equal to one first, then the most top-level keys and equal
    top-level scalar values shared with one ({"os-start": ...} against {"os-stop": ...}, "action": "create"
    against "action": "delete")."""
    if not isinstance(body, (dict, list)):
        return (False, 0)
    score = 0
    for example in page.request_examples:
        if example.body is None:
            continue
        if json_equal(body, example.body):
            return (True, 0)
        if isinstance(body, dict) and isinstance(example.body, dict):
            shared = body.keys() & example.body.keys()
            equal = sum(1 for key in shared if not isinstance(body[key], (dict, list))
                        and json_equal(body[key], example.body[key]))
            score = max(score, len(shared) + equal)
    return (False, score)


def json_equal(a, b):
    """Equality of JSON values: numbers by exact value (1 == 1.0), booleans apart from numbers, objects whatever
    their key order."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float, Decimal)) and isinstance(b, (int, float, Decimal)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(json_equal, a, b))
    return type(a) is type(b) and a == b


# ---------------------------------------------------------------------------------------------------------
# What a page documents: its answer, and its examples as test cases.

def documented_answer(page):
    """(status, body or None): the first response example with a 2xx or unstated status (then the only success
    status the page names, else 200); without one 200 with {}, or 204 when that is the only success status."""
    success = {status for status in page.statuses if 200 <= status < 300}
    only = success.pop() if len(success) == 1 else None
    for example in page.response_examples:
        if example.status is None or 200 <= example.status < 300:
            status = example.status or only or 200
            return status, None if status in NO_BODY_STATUSES else example.value
    if only == 204:
        return 204, None
    return 200, {}


# Fields every answer carries already: a page documenting them gets the server's own.
SERVER_HEADERS = {"x-request-id", "content-type", "content-length"}


def documented_headers(page, status):
    """[(name, value)]: the response headers the page documents for `status`, each with the value its example
    response shows ("X-Subject-Token:MIID..."), else a value of its documented type."""
    headers = []
    for name, kind in page.documented_headers(status):
        if name.lower() in SERVER_HEADERS:
            continue
        kind = kind.lower()
        placeholder = "1" if any(w in kind for w in ("int", "long", "number")) else (
            "true" if "bool" in kind else f"example-{name.lower()}")
        headers.append((name, page.header_examples.get(name.lower(), placeholder)))
    return headers


def page_case(page, routes):
    """The /__loopback/cases entry of a page; `routes` are its own, the first being the URI it documents first."""
    status, body = documented_answer(page)
    examples = []
    for example in page.request_examples:
        # An example shown for several API versions: the URL line of the first documented URI, if any.
        line = next((line for line in example.lines if routes[0].match(path_segments(line.path)) is not None),
                    example.lines[0] if example.lines else None)
        parameters = {}
        if line is not None:
            segments = path_segments(line.path)
            found = next((p for p in (route.match(segments) for route in routes) if p is not None), {})
            parameters = {name: value for name, value in found.items() if not re.fullmatch(r"\{[^}]*\}", value)}
        examples.append({
            "index": example.index,
            "title": example.title,
            "urlPath": line.path if line else None,
            "pathParameters": parameters,
            "query": [[name, value] for name, value in parse_qsl(line.query, keep_blank_values=True)] if line else [],
            "body": example.body,
            "bodyText": example.body_text,
        })
    return {
        "page": page.name,
        "method": routes[0].method,
        "template": routes[0].template,
        "templates": [route.template for route in routes],
        "requestExamples": examples,
        "response": {"status": status, "body": body, "headers": dict(documented_headers(page, status))},
    }


# ---------------------------------------------------------------------------------------------------------
# Lifecycles: the states a show operation reports for each resource, moved on by other operations' answers.

LIFECYCLE_KEYS = {"show", "field", "id", "transitions"}
TRANSITION_KEYS = {"page", "through", "to", "polls", "failWith"}
GONE = "<gone>"


def checked_lifecycle(lifecycle, page_routes):
    """A Lifecycle from its JSON; ValueError says what is wrong with it. `page_routes`: page name -> its routes."""
    if not isinstance(lifecycle, dict):
        raise ValueError("a lifecycle is a JSON object")
    unknown_keys(lifecycle, LIFECYCLE_KEYS, "lifecycle")
    show = lifecycle.get("show")
    get = next((route for route in known_page(show, "show", page_routes)
                if route.method == "GET" and route_parameters(route)), None)
    if get is None:
        raise ValueError(f"show: {show} documents no GET with a path parameter")
    field = checked_path(lifecycle.get("field"), "field")
    id_path = checked_path(lifecycle.get("id", "id"), "id")
    if not isinstance(lifecycle.get("transitions"), list) or not lifecycle["transitions"]:
        raise ValueError("transitions is a non-empty list")
    transitions = {}
    for index, transition in enumerate(lifecycle["transitions"]):
        try:
            transition = checked_transition(transition, page_routes)
            if transition["page"] == show:
                raise ValueError("page: the show page cannot also be a transition")
            if transition["page"] in transitions:
                raise ValueError(f"page: {transition['page']} already has a transition in this lifecycle")
        except ValueError as problem:
            raise ValueError(f"transitions[{index}]: {problem}") from None
        transitions[transition["page"]] = transition
    return Lifecycle(show, field, id_path, route_parameters(get)[-1], transitions)


def checked_transition(transition, page_routes):
    if not isinstance(transition, dict):
        raise ValueError("a transition is a JSON object")
    unknown_keys(transition, TRANSITION_KEYS, "transition")
    known_page(transition.get("page"), "page", page_routes)
    # Kept for the documented layout; what a failing transition should do is not specified yet.
    if transition.get("failWith") is not None:
        raise ValueError("failWith: only null is supported")
    through, to = transition.get("through", []), transition.get("to")
    if not isinstance(through, list) or not all(map(is_state, through)):
        raise ValueError("through is a list of states (strings, numbers or booleans)")
    if "to" not in transition or not (to is None or is_state(to)):
        raise ValueError("to is a state (string, number or boolean) or null for a resource that is gone")
    polls = transition.get("polls", 1)
    if not is_integer(polls) or polls < 1:
        raise ValueError("polls is a positive integer")
    return {"page": transition["page"], "through": through, "to": to, "polls": polls}


def unknown_keys(value, known, what):
    if value.keys() - known:
        raise ValueError(f"unknown {what} keys {sorted(value.keys() - known)}; known: {sorted(known)}")


def known_page(name, key, page_routes):
    """The routes of a loaded page."""
    if not isinstance(name, str) or name not in page_routes:
        raise ValueError(f"{key}: {name!r} is not a loaded page (see GET /__loopback/cases)")
    return page_routes[name]


def checked_path(path, key):
    if not isinstance(path, str) or not all(path.split(".")):
        raise ValueError(f"{key} is a dotted path such as \"status\" or \"server.status\"")
    return path.split(".")


def route_parameters(route):
    return [name for _, names in route.segments for name in names]


def is_state(value):
    return isinstance(value, (str, int, float, Decimal)) and value != GONE  # booleans are ints


def json_at(value, path):
    """The value at a path (a list item by its index), or None."""
    for key in path:
        if isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        elif isinstance(value, dict) and key in value:
            value = value[key]
        else:
            return None
    return value


def set_json_at(value, path, new):
    """Sets the value at a path, creating the objects missing on the way; False when something else is in it."""
    for key in path[:-1]:
        if isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        elif isinstance(value, dict):
            value = value.setdefault(key, {})
        else:
            return False
    if isinstance(value, list) and path[-1].isdigit() and int(path[-1]) < len(value):
        value[int(path[-1])] = new
    elif isinstance(value, dict):
        value[path[-1]] = new
    else:
        return False
    return True


class Lifecycle:
    """The resources of one show operation, named by its route's last path parameter. A resource is a queue of
    [state, shows left] followed by its final state (None: gone); each successful show takes one show off the
    head."""

    def __init__(self, show, field, id_path, parameter, transitions):
        self.show = show
        self.field = field
        self.id_path = id_path
        self.parameter = parameter
        self.transitions = transitions  # page name -> checked transition
        self.resources = {}             # resource id -> {"through": [[state, shows left], ...], "to": state}

    def transition(self, page, parameters, status, body):
        """The state the resource entered when this answer fires a transition, else None."""
        transition = self.transitions.get(page)
        if transition is None or not 200 <= status < 300:
            return None
        if self.parameter in parameters:
            resource = parameters[self.parameter]
        else:  # a create: the new resource is named in its answer
            resource = json_at(body, self.id_path)
            if not isinstance(resource, (str, int)) or isinstance(resource, bool):
                return None
        self.resources[str(resource)] = {"through": [[state, transition["polls"]] for state in transition["through"]],
                                         "to": transition["to"]}
        return current_state(self.resources[str(resource)])

    def shown(self, resource):
        """The state one show of a known resource reports, that show used up."""
        held = self.resources[resource]
        state = current_state(held)
        if held["through"]:
            held["through"][0][1] -= 1
            if held["through"][0][1] == 0:
                held["through"].pop(0)
        return state

    def answer(self, body, resource, state):
        """A show answer that reports the resource's state (and its id, where the answer has a string id)."""
        body = copy.deepcopy(body)
        set_json_at(body, self.field, state)
        if isinstance(json_at(body, self.id_path), str):
            set_json_at(body, self.id_path, resource)
        return body

    def view(self):
        return {
            "show": self.show, "field": ".".join(self.field), "id": ".".join(self.id_path),
            "parameter": self.parameter, "transitions": [dict(t) for t in self.transitions.values()],
            "resources": {resource: {"state": current_state(held),
                                     "through": [{"state": s, "polls": n} for s, n in held["through"]],
                                     "to": held["to"]}
                          for resource, held in self.resources.items()},
        }


def current_state(held):
    if held["through"]:
        return held["through"][0][0]
    return GONE if held["to"] is None else held["to"]


# ---------------------------------------------------------------------------------------------------------
# The request log, the script of faults and the lifecycles, shared by the handler threads.

STEP_KEYS = {"kind", "page", "method", "times", "status", "retryAfter", "body", "seconds"}


def checked_step(step):
    """A script step with its defaults filled in; ValueError says what is wrong with it."""
    if not isinstance(step, dict):
        raise ValueError("a step is a JSON object")
    if step.keys() - STEP_KEYS:
        raise ValueError(f"unknown step keys {sorted(step.keys() - STEP_KEYS)}; known: {sorted(STEP_KEYS)}")
    kind = step.get("kind")
    if kind not in ("status", "drop", "delay", "respond"):
        raise ValueError(f"unknown step kind {kind!r}; known: status, drop, delay, respond")
    step = dict(step, times=step.get("times", 1))
    if not is_integer(step["times"]) or step["times"] < 1:
        raise ValueError("times is a positive integer")
    if not all(isinstance(step.get(key, ""), str) for key in ("page", "method")):
        raise ValueError("page and method are strings")
    if "retryAfter" in step:
        if not isinstance(step["retryAfter"], (str, int)) or isinstance(step["retryAfter"], bool):
            raise ValueError("retryAfter is a string or an integer")
        step["retryAfter"] = str(step["retryAfter"])
    if kind == "respond":
        step.setdefault("status", 200)
        step.setdefault("body", {})
    if kind in ("status", "respond") and not (is_integer(step.get("status")) and 200 <= step["status"] <= 599):
        raise ValueError("status is an integer from 200 to 599")
    if kind == "delay":
        seconds = step.get("seconds")
        if not (isinstance(seconds, (int, Decimal)) and not isinstance(seconds, bool) and seconds >= 0):
            raise ValueError("seconds is a number, 0 or more")
    return step


def is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


class LoopbackState:
    def __init__(self):
        self.lock = threading.Lock()
        self.log = []
        self.steps = []
        self.lifecycles = []

    def open_entry(self, entry):
        """Logs a request as it arrives (arrival order, even when a delayed one is answered later)."""
        with self.lock:
            entry["seq"] = len(self.log) + 1
            self.log.append(entry)

    def update(self, entry, **fields):
        with self.lock:
            entry.update(fields)

    def requests(self):
        with self.lock:
            return [dict(entry) for entry in self.log]

    def add_steps(self, steps):
        with self.lock:
            self.steps += steps

    def queued_steps(self):
        with self.lock:
            return [dict(step) for step in self.steps]

    def take_step(self, page, method):
        """Consumes one use of the first queued step that applies to this request."""
        with self.lock:
            for step in self.steps:
                if step.get("page", page) == page and step.get("method", method).upper() == method:
                    step["times"] -= 1
                    if step["times"] == 0:
                        self.steps.remove(step)
                    return dict(step)
        return None

    def add_lifecycles(self, lifecycles):
        with self.lock:
            self.lifecycles += lifecycles

    def lifecycle_views(self):
        with self.lock:
            return [lifecycle.view() for lifecycle in self.lifecycles]

    def play(self, page, parameters, status, body, step_kind):
        """(status, body, state to log) once the lifecycles have seen an answer: a show of a known resource reports
        its state, unless a status step replaced its answer; any 2xx answer fires the transitions of its page."""
        with self.lock:
            for lifecycle in self.lifecycles:
                resource = parameters.get(lifecycle.parameter)
                if (lifecycle.show != page or resource not in lifecycle.resources or step_kind == "status"
                        or not 200 <= status < 300):
                    continue
                if current_state(lifecycle.resources[resource]) == GONE:
                    if step_kind == "respond":  # the script has the last word
                        return status, body, None
                    return 404, {"error_code": "APIGW.0404", "error_msg": "resource not found"}, GONE
                state = lifecycle.shown(resource)
                return status, lifecycle.answer(body, resource, state), state
            entered = [state for state in (lifecycle.transition(page, parameters, status, body)
                                           for lifecycle in self.lifecycles) if state is not None]
            return status, body, entered[0] if entered else None

    def clear(self):
        with self.lock:
            self.log = []
            self.steps = []
            self.lifecycles = []


# ---------------------------------------------------------------------------------------------------------
# HTTP.

class MalformedRequest(Exception):
    """A request whose body cannot be framed or whose target is not a path."""


class LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, pages, ak, sk, security_token=None, identity=None, tunnel_tls=None, project_id=None):
        self.tunnel_tls = tunnel_tls
        self.router = Router(pages)
        self.verifier = SignatureVerifier(ak, sk, security_token)
        # Without --iam-user the identity service only names the project (for clients that look their project up).
        self.identity = identity or IdentityService(None, "", None, project_id)
        self.explicit_identity = identity is not None
        self.state = LoopbackState()
        self.page_routes = {page.name: [r for r in self.router.routes if r.page is page] for page in pages}
        self.cases = [page_case(page, self.page_routes[page.name]) for page in pages]
        super().__init__(address, LoopbackHandler)

    def server_bind(self):
        # HTTPServer.server_bind also looks up the host's DNS name, which can stall for seconds in a sandbox.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


class LoopbackHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        try:
            request = self.read_request()
            if request.path.startswith("/__loopback/"):
                self.control(request)
            else:
                self.api(request)
        except MalformedRequest as problem:
            self.send_error(400, str(problem))
        except Exception:  # a bug here: answer rather than leave the test waiting
            self.log_error("%s", traceback.format_exc())
            self.send_error(500, "loopback cloud error (see its stderr)")

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    tunnel = None

    def do_CONNECT(self):
        """The server also stands in for a proxy in front of the service: the tunnel ends here, so the requests that
        follow on this connection are answered as API requests (inside TLS when the server has a tunnel
        certificate)."""
        self.send_response(200, "Connection established")
        self.end_headers()
        self.tunnel = {"target": self.path, "tls": False}
        if self.server.tunnel_tls is not None:
            try:
                self.connection = self.server.tunnel_tls.wrap_socket(self.connection, server_side=True)
            except (ssl.SSLError, OSError) as problem:  # the client did not trust the certificate: expected in tests
                self.log_message("TLS handshake in the tunnel failed: %s", problem)
                self.close_connection = True
                return
            self.rfile = self.connection.makefile("rb", self.rbufsize)
            self.wfile = self.connection.makefile("wb", buffering=0)
            self.tunnel["tls"] = True

    def read_request(self):
        target = self.path
        if target.startswith(("http://", "https://")):  # absolute form
            parts = urlsplit(target)
            target = parts.path + ("?" + parts.query if parts.query else "")
        if not target.startswith("/"):
            raise MalformedRequest(f"request target {target!r} is not a path")
        path, _, query = target.partition("?")
        headers = [(name, utf8(value)) for name, value in self.headers.items()]
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            body = self.read_chunked()
        else:
            length = self.headers.get("Content-Length") or "0"
            if not length.strip().isdigit():
                raise MalformedRequest(f"Content-Length {length!r} is not a number")
            body = self.rfile.read(int(length))
            if len(body) < int(length):
                raise MalformedRequest("the body is shorter than its Content-Length")
        return ReceivedRequest(self.command, path, parse_qsl(query, keep_blank_values=True), headers, body)

    def read_chunked(self):
        body = bytearray()
        while True:
            try:
                size = int(self.rfile.readline(1024).split(b";")[0].strip(), 16)
            except ValueError:
                raise MalformedRequest("malformed chunk size") from None
            if size == 0:
                break
            chunk = self.rfile.read(size)
            if len(chunk) < size:
                raise MalformedRequest("a chunk is shorter than its size")
            body += chunk
            self.rfile.readline(1024)  # the CRLF after the chunk
        while self.rfile.readline(65536) not in (b"\r\n", b"\n", b""):
            pass  # trailer fields
        return bytes(body)

    # -- API requests ------------------------------------------------------------------------------------

    def api(self, request):
        server = self.server
        entry = log_entry(request.method, request.path, request.query, request.headers, request.body, self.tunnel)
        server.state.open_entry(entry)
        body = request.json_body()
        identity = server.identity
        routed = server.router.route(request.method, request.path, body)
        # The built-in identity service answers token and project requests, unless the pages loaded document them
        # (the IAM reference itself) and no --iam-user asked for it: then they are API calls like any other.
        emulated = server.explicit_identity or routed is None
        if emulated and request.method == "POST" and request.path == "/v3/auth/tokens":
            server.state.update(entry, signature="none", page="iam:/v3/auth/tokens")
            self.answer(entry, *identity.issue_token(body))
            return
        token = request.header("X-Auth-Token")
        if token is not None:
            problem = identity.token_problem(token)
            verdict = f"invalid: {problem}" if problem else "token"
        else:
            verdict = server.verifier.verify(request)
        if emulated and verdict in ("valid", "token") and request.method == "GET" and request.path == "/v3/projects":
            server.state.update(entry, signature=verdict, page="iam:/v3/projects")
            self.answer(entry, *identity.projects(request.query))
            return
        page, parameters = routed or (None, {})
        matches = [e.index for e in page.request_examples
                   if body is not None and e.body is not None and json_equal(body, e.body)] if page else []
        server.state.update(entry, signature=verdict, page=page.name if page else None, pathParameters=parameters,
                            bodyMatchesExamples=matches)
        if verdict not in ("valid", "token"):
            reason = "no Authorization header" if verdict == "missing" else verdict.removeprefix("invalid: ")
            self.answer(entry, 401, {"error_code": "APIGW.0301",
                                     "error_msg": f"Incorrect IAM authentication information: {reason}"})
            return
        step = server.state.take_step(page.name if page else None, request.method)
        kind = step["kind"] if step else None
        server.state.update(entry, fault=kind)
        if kind == "drop":
            self.close_connection = True  # nothing is written: the client sees the connection close
            return
        if kind == "delay":
            time.sleep(float(step["seconds"]))
        headers = []
        if kind == "status":
            status, body = step["status"], step.get("body", scripted_error(step["status"]))
            headers = [("Retry-After", step["retryAfter"])] if "retryAfter" in step else []
        elif kind == "respond":
            status, body = step["status"], step["body"]
        elif page is None:
            status, body = 404, {"error_code": "APIGW.0101",
                                 "error_msg": "The API does not exist or has not been published in the environment"}
        else:
            status, body = documented_answer(page)
            headers = documented_headers(page, status)
        if page is not None:
            status, body, state = server.state.play(page.name, parameters, status, body, kind)
            server.state.update(entry, state=state)
        self.answer(entry, status, body, headers)

    def answer(self, entry, status, body, headers=()):
        request_id = uuid.uuid4().hex
        # Logged before it is sent: a test that reads the log right after its answer sees the status.
        self.server.state.update(entry, status=status, requestID=request_id)
        self.send_json(status, body, headers, request_id)

    # -- control API -------------------------------------------------------------------------------------

    def control(self, request):
        state = self.server.state
        resource = request.path.rstrip("/")
        if resource == "/__loopback/cases" and request.method == "GET":
            self.send_json(200, self.server.cases)
        elif resource == "/__loopback/requests" and request.method == "GET":
            self.send_json(200, {"requests": state.requests()})
        elif resource == "/__loopback/requests" and request.method == "DELETE":
            state.clear()
            self.send_json(200, {"requests": []})
        elif resource == "/__loopback/script" and request.method == "GET":
            self.send_json(200, {"steps": state.queued_steps()})
        elif resource == "/__loopback/script" and request.method == "POST":
            try:
                script = parse_json(request.body.decode("utf-8"))
                if not isinstance(script, dict) or not isinstance(script.get("steps"), list) \
                        or not isinstance(script.get("clear", False), bool):
                    raise ValueError('the script is {"steps": [...], "clear": false}')
                steps = [checked_step(step) for step in script["steps"]]
                if script.get("clear"):
                    state.clear()
                state.add_steps(steps)
            except ValueError as problem:
                self.send_json(400, {"error_code": "LOOPBACK.0400", "error_msg": str(problem)})
                return
            self.send_json(200, {"steps": state.queued_steps()})
        elif resource == "/__loopback/lifecycles" and request.method == "GET":
            self.send_json(200, {"lifecycles": state.lifecycle_views()})
        elif resource == "/__loopback/lifecycles" and request.method == "POST":
            try:
                lifecycles = parse_json(request.body.decode("utf-8"))
                if not isinstance(lifecycles, dict) or not isinstance(lifecycles.get("lifecycles"), list):
                    raise ValueError('the lifecycles are {"lifecycles": [...]}')
                state.add_lifecycles([self.checked_lifecycle(index, item)
                                      for index, item in enumerate(lifecycles["lifecycles"])])
            except ValueError as problem:
                self.send_json(400, {"error_code": "LOOPBACK.0400", "error_msg": str(problem)})
                return
            self.send_json(200, {"lifecycles": state.lifecycle_views()})
        elif resource in ("/__loopback/cases", "/__loopback/requests", "/__loopback/script", "/__loopback/lifecycles"):
            self.send_json(405, {"error_code": "LOOPBACK.0405", "error_msg": f"{request.method} is not supported here"})
        else:
            self.send_json(404, {"error_code": "LOOPBACK.0404", "error_msg": f"no control resource {resource}"})

    def checked_lifecycle(self, index, lifecycle):
        try:
            return checked_lifecycle(lifecycle, self.server.page_routes)
        except ValueError as problem:
            raise ValueError(f"lifecycles[{index}]: {problem}") from None

    # -- responses ---------------------------------------------------------------------------------------

    def send_json(self, status, body, headers=(), request_id=None):
        payload = b"" if body is None or status in NO_BODY_STATUSES else dump_json(body).encode("utf-8")
        self.send_response(status)
        self.send_header("X-Request-Id", request_id or uuid.uuid4().hex)
        if status not in NO_BODY_STATUSES:  # these have no body, and no Content-Length either (RFC 9110)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def send_error(self, code, message=None, explain=None):
        """Requests that cannot be read (by http.server or by read_request): logged, answered in JSON, and the
        connection closed since where the next request starts is unknown."""
        headers = list(self.headers.items()) if getattr(self, "headers", None) else []
        target = getattr(self, "path", "") or ""
        path, _, query = target.partition("?")
        entry = log_entry(getattr(self, "command", None), path or None, parse_qsl(query, keep_blank_values=True),
                          headers, b"")
        self.server.state.open_entry(entry)
        self.close_connection = True
        body = {"error_code": f"LOOPBACK.{int(code):04d}", "error_msg": message or HTTPStatus(code).phrase}
        self.answer(entry, int(code), body, [("Connection", "close")])

    def log_request(self, code="-", size="-"):
        pass  # the JSON log is the record; stderr keeps only errors


def log_entry(method, path, query, headers, body, tunnel=None):
    lowered = {}
    for name, value in headers:
        lowered[name.lower()] = redacted(name, value)
    return {
        "seq": None, "method": method, "path": path, "query": [[name, value] for name, value in query],
        "headers": lowered, "body": body.decode("utf-8", errors="replace") if body else None,
        "page": None, "pathParameters": {}, "signature": None, "fault": None, "bodyMatchesExamples": [],
        "status": None, "requestID": None, "state": None, "tunnel": tunnel,
    }


def redacted(name, value):
    """A header value fit for the log: no credential in it."""
    lowered = name.lower()
    if lowered == "authorization":
        match = AUTHORIZATION.match(value.strip())
        if match:
            return f"SDK-HMAC-SHA256 Access={match[1]}, SignedHeaders={match[2]}, Signature=<redacted>"
        return "<redacted>"
    return "<redacted>" if lowered in SECRET_HEADERS else value


def scripted_error(status):
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Scripted status"
    return {"error_code": f"APIGW.{status:04d}", "error_msg": phrase}


def utf8(value):
    """http.server reads header bytes as Latin-1; a client signs them as UTF-8."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


# ---------------------------------------------------------------------------------------------------------

def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", required=True, help="folder of API reference pages (*.html, subfolders included)")
    parser.add_argument("--ak", required=True, help="access key the requests must be signed with")
    parser.add_argument("--sk", required=True, help="secret key the requests must be signed with")
    parser.add_argument("--port", type=int, default=0, help="0 (default): any free port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--security-token", help="the keys are temporary: requests must carry this X-Security-Token")
    parser.add_argument("--iam-user", help="issue tokens (POST /v3/auth/tokens) to this user, USER:PASSWORD@DOMAIN")
    parser.add_argument("--project-id", default="e2e0project0id", help="the project GET /v3/projects names")
    parser.add_argument("--tunnel-tls-cert", help="PEM certificate of the TLS spoken inside CONNECT tunnels")
    parser.add_argument("--tunnel-tls-key", help="PEM private key of --tunnel-tls-cert")
    options = parser.parse_args(argv)
    if bool(options.tunnel_tls_cert) != bool(options.tunnel_tls_key):
        parser.error("--tunnel-tls-cert and --tunnel-tls-key go together")
    tunnel_tls = None
    if options.tunnel_tls_cert:
        tunnel_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tunnel_tls.load_cert_chain(options.tunnel_tls_cert, options.tunnel_tls_key)
    identity = None
    if options.iam_user:
        match = re.fullmatch(r"([^:]+):(.*)@([^@]+)", options.iam_user)
        if not match:
            parser.error("--iam-user is USER:PASSWORD@DOMAIN")
        identity = IdentityService(match[1], match[2], match[3], options.project_id)
    pages = read_pages(options.docs)
    if not pages:
        parser.error(f"no API pages in {options.docs}")
    server = LoopbackServer((options.host, options.port), pages, options.ak, options.sk, options.security_token,
                            identity, tunnel_tls, project_id=options.project_id)

    def stop(signum, frame):
        raise SystemExit(0)

    def stop_at_end_of_input():
        # os.read, not sys.stdin: a daemon thread blocked inside a buffered reader aborts interpreter shutdown.
        while os.read(sys.stdin.fileno(), 4096):
            pass
        server.shutdown()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    threading.Thread(target=stop_at_end_of_input, daemon=True).start()
    print(f"listening {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
