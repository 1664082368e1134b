"""The loopback cloud's identity side, as IAM and the API gateway behave: password tokens
(`POST /v3/auth/tokens`), the project of a region (`GET /v3/projects?name=<region>`), and the checks made before
a signature is even computed (the signing time within 15 minutes of the server's clock, the security token of
temporary keys)."""

import hmac
import secrets
from datetime import datetime, timedelta, timezone

CLOCK_WINDOW = timedelta(minutes=15)
TOKEN_LIFETIME = timedelta(hours=1)
SDK_DATE = "%Y%m%dT%H%M%SZ"


def signing_time_problem(sdk_date, now=None):
    """None when `sdk_date` (X-Sdk-Date) is well formed and within the window, else the gateway's reason."""
    try:
        signed_at = datetime.strptime(sdk_date, SDK_DATE).replace(tzinfo=timezone.utc)
    except ValueError:
        return "X-Sdk-Date is not of the form YYYYMMDDTHHMMSSZ"
    now = now or datetime.now(timezone.utc)
    if abs(now - signed_at) > CLOCK_WINDOW:
        return f"signature expired, signature time:{sdk_date},server time:{now.strftime(SDK_DATE)}"
    return None


def security_token_problem(request, signed_headers, expected):
    """None when the request's X-Security-Token is what temporary keys need (`expected`; None for permanent keys)."""
    received = request.header("X-Security-Token")
    if expected is None:
        return None if received is None else "X-Security-Token sent with permanent keys"
    if received is None:
        return "temporary keys need X-Security-Token"
    if "x-security-token" not in signed_headers:
        return "X-Security-Token is not among the signed headers"
    if not hmac.compare_digest(received.encode(), expected.encode()):
        return "unknown security token"
    return None


class IdentityService:
    """Issues tokens to one user and names one project; tokens are accepted until they expire."""

    def __init__(self, user, password, domain, project_id):
        self.user, self.password, self.domain, self.project_id = user, password, domain, project_id
        self.tokens = {}  # token -> expiry

    def issue_token(self, body):
        """(status, body, headers) for `POST /v3/auth/tokens` with the password method."""
        try:
            identity = body["auth"]["identity"]
            user = identity["password"]["user"]
            name, password, domain = user["name"], user["password"], user["domain"]["name"]
        except (KeyError, TypeError):
            return 400, {"error_code": "IAM.0007", "error_msg": "the request body is not a password authentication"}, []
        if identity.get("methods") != ["password"]:
            return 400, {"error_code": "IAM.0007", "error_msg": "methods must be [\"password\"]"}, []
        if name != self.user or domain != self.domain or not hmac.compare_digest(
                str(password).encode(), self.password.encode()):
            return 401, {"error_code": "IAM.0002", "error_msg": "The username or password is wrong."}, []
        token = "loopback-token-" + secrets.token_hex(16)
        expires = datetime.now(timezone.utc) + TOKEN_LIFETIME
        self.tokens[token] = expires
        answer = {"token": {"expires_at": expires.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "methods": ["password"],
                            "user": {"name": name, "domain": {"name": domain}}}}
        scope = (body["auth"].get("scope") or {}).get("project")
        if scope:
            answer["token"]["project"] = {"id": self.project_id, "name": scope.get("name", "")}
        return 201, answer, [("X-Subject-Token", token)]

    def token_problem(self, token):
        """None when `token` was issued here and has not expired."""
        expiry = next((e for t, e in self.tokens.items() if hmac.compare_digest(t.encode(), token.encode())), None)
        if expiry is None:
            return "unknown token"
        if expiry <= datetime.now(timezone.utc):
            return "the token expires"
        return None

    def projects(self, query):
        """The answer of `GET /v3/projects`: this service's one project, under the region name asked for."""
        name = next((value for key, value in query if key == "name"), "")
        return 200, {"projects": [{"id": self.project_id, "name": name, "enabled": True}]}, []
